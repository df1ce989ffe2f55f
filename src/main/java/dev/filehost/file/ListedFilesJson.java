package dev.filehost.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The files array of a folder listing, written straight to the envelope's generator: keys encoded once,
 * numbers and keywords written from one scratch buffer instead of a string each, and the folder id
 * (the same for every file of a folder) turned to text once. A listing holds up to thousands of files,
 * and a map, a reflected record or a few strings per file cost more than the rest of the call. Every id,
 * size and count is a string, as in the other file objects.
 */
record ListedFilesJson(List<ListedFile> files, FileLinks links) implements JsonSerializable {
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
        Scratch scratch = new Scratch();
        Long folderId = null;
        String folderIdText = null;
        json.writeStartArray(files, files.size());
        for (ListedFile file : files) {
            if (!Objects.equals(folderId, file.folderId())) {
                folderId = file.folderId();
                folderIdText = folderId.toString();
            }
            json.writeStartObject();
            json.writeFieldName(ID);
            scratch.number(json, file.id());
            field(json, FILENAME, file.name());
            field(json, SHORT_URL, file.shortUrl());
            field(json, FILE_TYPE, file.mimeType());
            field(json, EXTENSION, file.extension());
            json.writeFieldName(FILE_SIZE);
            scratch.number(json, file.size());
            field(json, STATUS, file.status().value());
            json.writeFieldName(DOWNLOADS);
            scratch.number(json, file.downloads());
            field(json, FOLDER_ID, folderIdText);
            json.writeFieldName(KEYWORDS);
            scratch.keywords(json, file.name());
            field(json, URL_FILE, links.page(file));
            json.writeEndObject();
        }
        json.writeEndArray();
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

    /** One listing's text buffer. */
    private static final class Scratch {
        private static final int MAX_DIGITS = 19;

        private char[] chars = new char[64];

        /** The number as a JSON string, as {@code Long.toString} would write it. */
        void number(JsonGenerator json, long value) throws IOException {
            if (value < 0) {
                json.writeString(Long.toString(value));
                return;
            }
            int at = MAX_DIGITS;
            do {
                chars[--at] = (char) ('0' + value % 10);
                value /= 10;
            } while (value > 0);
            json.writeString(chars, at, MAX_DIGITS - at);
        }

        /** {@link FileNames#keywords(String)}, written from this buffer. */
        void keywords(JsonGenerator json, String name) throws IOException {
            if (chars.length < name.length()) {
                chars = new char[name.length() + 64];
            }
            json.writeString(chars, 0, FileNames.keywords(name, chars, 0));
        }
    }
}
