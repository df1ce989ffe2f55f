package dev.filehost.folder;

import dev.filehost.core.Refusal;
import dev.filehost.file.FileNames;

/** The rule for folder names: visible characters, at least one and at most 255 of them. */
final class FolderNames {
    static final int MAX_LENGTH = 255;
    static final String TOO_LONG = "Param folder_name can not be longer than " + MAX_LENGTH + " characters.";

    private FolderNames() {
    }

    static String checked(String raw) {
        String name = FileNames.visible(raw);
        if (name.isEmpty()) {
            throw Refusal.missingParam("folder_name");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw Refusal.badInput(TOO_LONG);
        }
        return name;
    }
}
