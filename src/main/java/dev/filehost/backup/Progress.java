package dev.filehost.backup;

/** What a long copy tells whoever watches it. */
public interface Progress {
    Progress NONE = (done, total) -> {
    };

    /** {@code done} of {@code total} bytes are handled. */
    void bytes(long done, long total);
}
