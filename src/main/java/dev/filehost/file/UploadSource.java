package dev.filehost.file;

/** How a file's bytes arrived, as its row records it. */
public enum UploadSource {
    /** A client's POST to /file/upload: holds one of its account's concurrent uploads while it runs. */
    API("api", true),
    /** The import workers fetching a URL: paced by the import queue, so it holds no upload slot. */
    URL_IMPORT("remote", false),
    /** A resumable (tus) upload: holds one of its account's concurrent uploads while each of its pieces flows. */
    RESUMABLE("tus", true);

    private final String recorded;
    private final boolean holdsUploadSlot;

    UploadSource(String recorded, boolean holdsUploadSlot) {
        this.recorded = recorded;
        this.holdsUploadSlot = holdsUploadSlot;
    }

    /** The value of the file row's upload_source and of the upload metrics' tag. */
    public String recorded() {
        return recorded;
    }

    boolean holdsUploadSlot() {
        return holdsUploadSlot;
    }
}
