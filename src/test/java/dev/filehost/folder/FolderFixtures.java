package dev.filehost.folder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiReply;
import dev.filehost.support.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Short ways to build folder trees and fill them through the API. */
final class FolderFixtures {
    private FolderFixtures() {
    }

    /** Creates a folder (more parameters as name/value pairs) and answers its id. */
    static String folder(Session session, String name, String... params) {
        List<String> pairs = new ArrayList<>(List.of("folder_name", name));
        pairs.addAll(List.of(params));
        ApiReply reply = session.call("folder/create", pairs.toArray(String[]::new));
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply.data().path("id").asText();
    }

    /** Uploads a text file into a folder and answers its upload object. */
    static JsonNode upload(Session session, String folderId, String name, String content) {
        ApiReply reply = session.upload(name, content.getBytes(StandardCharsets.UTF_8), "folder_id", folderId);
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply.data().get(0);
    }

    static JsonNode info(Session session, String folderId) {
        ApiReply reply = session.call("folder/info", "folder_id", folderId);
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply.data();
    }

    static JsonNode listing(Session session, String parentFolderId) {
        ApiReply reply = session.call("folder/listing", "parent_folder_id", parentFolderId);
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply.data();
    }

    static List<String> names(JsonNode items, String key) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path(key).asText()));
        return names;
    }
}
