package dev.filehost.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** An API answer as a client sees it. */
public record ApiReply(int status, HttpHeaders headers, String body, JsonNode json) {
    public boolean isSuccess() {
        return "success".equals(json.path("_status").asText());
    }

    public boolean isError() {
        return "error".equals(json.path("_status").asText()) && "error".equals(json.path("status").asText());
    }

    /** The "response" message. */
    public String message() {
        return json.path("response").asText();
    }

    public JsonNode data() {
        return json.path("data");
    }
}
