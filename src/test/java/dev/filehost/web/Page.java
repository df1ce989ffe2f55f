package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A public page as a browser receives it. */
record Page(int status, String contentType, String body, HttpResponse<byte[]> response) {
    private static final Pattern DOWNLOAD_LINK = Pattern.compile("href=\"([^\"]*\\?download_token=[0-9a-f]{64})\"");

    static Page of(HttpResponse<byte[]> response) {
        return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new String(response.body(), StandardCharsets.UTF_8), response);
    }

    /** Asserts what every HTML page of the site is: HTML, never sniffed, with the given status. */
    Page isHtml(int expectedStatus) {
        assertThat(status).as(body).isEqualTo(expectedStatus);
        assertThat(contentType.replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(body).startsWith("<!doctype html>");
        return this;
    }

    Page isNotFound() {
        isHtml(404);
        assertThat(body).contains("<h1>Not found</h1>");
        return this;
    }

    String downloadLink() {
        Matcher link = DOWNLOAD_LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }
}
