package dev.filehost.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/**
 * A file's object in a folder listing, written straight to the envelope's generator with keys encoded
 * once: a listing holds up to thousands of them, and a map or a reflected record per file costs more
 * than the rest of the call. Every id, size and count is a string, as in the other file objects.
 */
record ListedFileJson(ListedFile file, String urlFile) implements JsonSerializable {
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString FILENAME = new SerializedString("filename");
    private static final SerializableString SHORT_URL = new SerializedString("shortUrl");
    private static final SerializableString FILE_TYPE = new SerializedString("fileType");
    private static final SerializableString EXTENSION = new SerializedString("extension");
    private static final SerializableString FILE_SIZE = new SerializedString("fileSize");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString DOWNLOADS = new SerializedString("downloads");
    private static final SerializableString FOLDER_ID = new SerializedString("folderId");
    private static final SerializableString KEYWORDS = new SerializedString("keywords");
    private static final SerializableString URL_FILE = new SerializedString("url_file");

    @Override
    public void serialize(JsonGenerator json, SerializerProvider serializers) throws IOException {
        json.writeStartObject();
        field(json, ID, Long.toString(file.id()));
        field(json, FILENAME, file.name());
        field(json, SHORT_URL, file.shortUrl());
        field(json, FILE_TYPE, file.mimeType());
        field(json, EXTENSION, file.extension());
        field(json, FILE_SIZE, Long.toString(file.size()));
        field(json, STATUS, file.status().value());
        field(json, DOWNLOADS, Long.toString(file.downloads()));
        field(json, FOLDER_ID, file.folderId() == null ? null : Long.toString(file.folderId()));
        field(json, KEYWORDS, FileNames.keywords(file.name()));
        field(json, URL_FILE, urlFile);
        json.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator json, SerializerProvider serializers, TypeSerializer types)
            throws IOException {
        serialize(json, serializers);
    }

    private static void field(JsonGenerator json, SerializableString name, String value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }
}
