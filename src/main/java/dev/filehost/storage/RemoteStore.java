package dev.filehost.storage;

/** Capability of stores reached over the network, which may stop answering while the server runs. */
public interface RemoteStore {

    /** True when the store answers a cheap request now; never waits more than a few seconds. */
    boolean isReachable();
}
