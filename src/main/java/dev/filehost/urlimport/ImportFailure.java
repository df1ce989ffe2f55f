package dev.filehost.urlimport;

/** Why an import failed, in words for the item's notes. */
final class ImportFailure extends Exception {
    ImportFailure(String note) {
        super(note, null, false, false);
    }
}
