package dev.filehost.folder;

import dev.filehost.file.FileNames;

/** The public URLs of a folder, built on the operator's public URL. */
public final class FolderLinks {
    private final String site;

    public FolderLinks(String publicUrl) {
        this.site = publicUrl;
    }

    /** The folder's page: {@code <site>/folder/<id>/<safe name>}. */
    public String page(Folder folder) {
        return site + "/folder/" + folder.id() + "/" + FileNames.urlSafe(folder.name());
    }

    /** The download button of a file on the folder's page. */
    public String download(Folder folder, long fileId) {
        return site + "/folder/" + folder.id() + "/download/" + fileId;
    }
}
