package dev.filehost.db;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * SQLite has one writer at a time, and a connection that waits for the write lock waits inside
 * native code, where a virtual thread pins its carrier: with a carrier per core, a few waiting
 * writers stall the whole server. So writers queue here instead, on a Java lock that parks.
 */
final class SerializedTransactions extends DelegatingTransactionHandler {
    private final ReentrantLock writeLock;

    SerializedTransactions(TransactionHandler delegate, ReentrantLock writeLock) {
        super(delegate);
        this.writeLock = writeLock;
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        writeLock.lock();
        try {
            return super.inTransaction(handle, callback);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        writeLock.lock();
        try {
            return super.inTransaction(handle, level, callback);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new SerializedTransactions(getDelegate().specialize(handle), writeLock);
    }
}
