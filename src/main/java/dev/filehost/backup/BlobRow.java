package dev.filehost.backup;

/** A blob as the database records it. */
record BlobRow(String sha256, String md5, long size) {
}
