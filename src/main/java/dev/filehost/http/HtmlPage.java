package dev.filehost.http;

import java.util.Map;

/** A rendered page and the headers it is sent with (its Content-Type among them). */
public record HtmlPage(String html, Map<String, String> headers) {
}
