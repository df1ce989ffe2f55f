package dev.filehost.urlimport;

import java.io.Closeable;
import java.io.InputStream;
import java.util.OptionalLong;

/** A remote file being received: its name, the size it announced, and its bytes as they arrive. */
record RemoteFile(String name, OptionalLong declaredSize, InputStream body, Closeable connection) implements Closeable {
    @Override
    public void close() throws java.io.IOException {
        connection.close();
    }
}
