package dev.filehost.file;

import org.apache.tika.Tika;

/** The media type from the first bytes and the name (Apache Tika); the client's claim is not used. */
public final class TypeDetector {
    public static final int HEAD_BYTES = 8192;

    private final Tika tika = new Tika();

    public String detect(byte[] head, String name) {
        return tika.detect(head, name);
    }
}
