package dev.filehost.file;

/** The public URLs of a file, all built on the operator's public URL. */
public final class FileLinks {
    private final String site;

    public FileLinks(String publicUrl) {
        this.site = publicUrl;
    }

    public String site() {
        return site;
    }

    public String page(StoredFile file) {
        return page(file.shortUrl());
    }

    public String page(ListedFile file) {
        return page(file.shortUrl());
    }

    private String page(String shortUrl) {
        return site + "/" + shortUrl;
    }

    public String longPage(StoredFile file) {
        return page(file) + "/" + FileNames.urlSafe(file.name());
    }

    public String info(StoredFile file) {
        return page(file) + "~i";
    }

    public String ownerInfo(StoredFile file) {
        return info(file) + "?" + file.deleteHash();
    }

    public String stats(StoredFile file) {
        return page(file) + "~s";
    }

    public String delete(StoredFile file) {
        return page(file) + "~d?" + file.deleteHash();
    }

    /** The inline image of the file page; served for raster images only. */
    public String preview(StoredFile file) {
        return page(file) + "~p";
    }

    public String download(StoredFile file, String token) {
        return page(file) + "?download_token=" + token;
    }
}
