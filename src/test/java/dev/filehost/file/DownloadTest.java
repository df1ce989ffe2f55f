package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DownloadTest extends ApiTestBase {

    private record Uploaded(Session session, String id, byte[] content, String downloadUrl) {
    }

    private static Uploaded upload(String name, int size) {
        Session session = signInNewUser();
        byte[] content = UploadApiTest.randomBytes(size, size);
        String id = session.upload(name, content).data().get(0).path("file_id").asText();
        String url = session.call("file/download", "file_id", id).data().path("download_url").asText();
        return new Uploaded(session, id, content, url);
    }

    @Test
    void theLinkServesTheExactBytesWithValidatorsAndAnAttachmentName() {
        Uploaded file = upload("rapport été.pdf", 300_000);

        HttpResponse<byte[]> response = api().fetch(file.downloadUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(file.content());
        assertThat(response.headers().firstValue("Content-Length")).hasValue("300000");
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("\"[0-9a-f]{64}\""));
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // The client reads header bytes as ISO-8859-1: back to bytes, they are the UTF-8 name.
        assertThat(response.headers().firstValue("Content-Disposition")
                .map(value -> new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)))
                .hasValue("attachment; filename=\"rapport été.pdf\"; filename*=UTF-8''rapport%20%C3%A9t%C3%A9.pdf");
    }

    @Test
    void linksAreReusableAndCountOncePerAddressAndDay() {
        Uploaded file = upload("twice.bin", 1000);

        assertThat(api().fetch(file.downloadUrl()).body()).isEqualTo(file.content());
        assertThat(api().fetch(file.downloadUrl()).body()).isEqualTo(file.content());

        var info = file.session().call("file/info", "file_id", file.id()).data();
        assertThat(info.path("downloads").asText()).isEqualTo("1");
        assertThat(info.path("lastAccessed").isTextual()).isTrue();
    }

    @Test
    void rangesSuffixesAndUnsatisfiableRanges() {
        Uploaded file = upload("ranges.bin", 10_000);
        byte[] content = file.content();

        HttpResponse<byte[]> middle = api().fetch(file.downloadUrl(), "Range", "bytes=100-199");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 100-199/10000");

        HttpResponse<byte[]> open = api().fetch(file.downloadUrl(), "Range", "bytes=9990-");
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(content, 9990, 10_000));

        HttpResponse<byte[]> suffix = api().fetch(file.downloadUrl(), "Range", "bytes=-10");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content, 9990, 10_000));

        HttpResponse<byte[]> pastEnd = api().fetch(file.downloadUrl(), "Range", "bytes=10000-");
        assertThat(pastEnd.statusCode()).isEqualTo(416);
        assertThat(pastEnd.headers().firstValue("Content-Range")).hasValue("bytes */10000");

        HttpResponse<byte[]> several = api().fetch(file.downloadUrl(), "Range", "bytes=0-1,5-6");
        assertThat(several.statusCode()).isEqualTo(200);
        assertThat(several.body()).isEqualTo(content);
    }

    @Test
    void ifRangeWithAnOldValidatorGivesTheWholeFile() {
        Uploaded file = upload("ifrange.bin", 5000);
        String etag = api().fetch(file.downloadUrl()).headers().firstValue("ETag").orElseThrow();

        assertThat(api().fetch(file.downloadUrl(), "Range", "bytes=0-9", "If-Range", etag).statusCode()).isEqualTo(206);
        HttpResponse<byte[]> stale = api().fetch(file.downloadUrl(), "Range", "bytes=0-9", "If-Range", "\"old\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(file.content());
        assertThat(api().fetch(file.downloadUrl(), "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void lastModifiedIsAFixedWidthImfDate() {
        ZonedDateTime now = server.clock().instant().atZone(ZoneOffset.UTC);
        server.clock().advance(Duration.between(now, now.plusMonths(1).withDayOfMonth(3)));
        Uploaded file = upload("dated.bin", 100);

        String lastModified = api().fetch(file.downloadUrl()).headers().firstValue("Last-Modified").orElseThrow();

        ZonedDateTime uploaded = server.clock().instant().atZone(ZoneOffset.UTC);
        assertThat(lastModified).isEqualTo(String.format(Locale.US, "%ta, 03 %tb %tY %tT GMT",
                uploaded, uploaded, uploaded, uploaded));
    }

    @Test
    void ifNoneMatchTakesAListOrAStarAndComparesWeakly() {
        Uploaded file = upload("inm.bin", 2000);
        String etag = api().fetch(file.downloadUrl()).headers().firstValue("ETag").orElseThrow();

        for (String header : new String[] {"\"a\", " + etag, "\"a\"," + etag + ",\"b\"", "*", "W/" + etag,
                "\"x,y\", W/" + etag}) {
            HttpResponse<byte[]> response = api().fetch(file.downloadUrl(), "If-None-Match", header);
            assertThat(response.statusCode()).as(header).isEqualTo(304);
            assertThat(response.body()).as(header).isEmpty();
            assertThat(response.headers().firstValue("ETag")).as(header).hasValue(etag);
        }
        for (String header : new String[] {"\"a\", \"b\"", "W/\"a\"", "\"" + etag}) {
            assertThat(api().fetch(file.downloadUrl(), "If-None-Match", header).statusCode()).as(header).isEqualTo(200);
        }
    }

    @Test
    void ifModifiedSinceIsHonouredOnlyWithoutIfNoneMatch() throws Exception {
        Uploaded file = upload("ims.bin", 2000);
        HttpResponse<byte[]> first = api().fetch(file.downloadUrl());
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        Instant modified = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.plusSeconds(60).atZone(ZoneOffset.UTC));
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.minusSeconds(1).atZone(ZoneOffset.UTC));

        assertThat(api().fetch(file.downloadUrl(), "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(api().fetch(file.downloadUrl(), "If-Modified-Since", later).statusCode()).isEqualTo(304);
        assertThat(api().request("HEAD", file.downloadUrl(), "If-Modified-Since", later).statusCode()).isEqualTo(304);
        assertThat(api().fetch(file.downloadUrl(), "If-Modified-Since", earlier).statusCode()).isEqualTo(200);
        assertThat(api().fetch(file.downloadUrl(), "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> tagWins = api().fetch(file.downloadUrl(), "If-Modified-Since", later,
                "If-None-Match", "\"other\"");
        assertThat(tagWins.statusCode()).isEqualTo(200);
        assertThat(tagWins.body()).isEqualTo(file.content());
    }

    @Test
    void ifRangeTakesTheExactLastModifiedDate() {
        Uploaded file = upload("ifrange-date.bin", 5000);
        String lastModified = api().fetch(file.downloadUrl()).headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> partial = api().fetch(file.downloadUrl(), "Range", "bytes=0-9", "If-Range", lastModified);
        assertThat(partial.statusCode()).isEqualTo(206);
        assertThat(partial.body()).isEqualTo(Arrays.copyOf(file.content(), 10));
        assertThat(api().fetch(file.downloadUrl(), "Range", "bytes=0-9", "If-Range", "W/\"" + "0".repeat(64) + "\"")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void linksExpireAfter24HoursAndWrongTokensServeNothing() {
        Uploaded file = upload("expiring.bin", 100);
        String wrong = file.downloadUrl().replaceAll("download_token=.*", "download_token=" + "0".repeat(64));

        assertThat(api().fetch(wrong).statusCode()).isEqualTo(403);
        assertThat(api().fetch(file.downloadUrl().replaceAll("download_token=.*", "download_token=zz")).statusCode())
                .isEqualTo(403);
        server.clock().advance(Duration.ofHours(23));
        assertThat(api().fetch(file.downloadUrl()).statusCode()).isEqualTo(200);
        server.clock().advance(Duration.ofHours(2));
        assertThat(api().fetch(file.downloadUrl()).statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongTokenTellsNothingEvenAboutValidators() {
        Uploaded file = upload("validators.bin", 100);
        String etag = api().fetch(file.downloadUrl()).headers().firstValue("ETag").orElseThrow();
        String wrong = file.downloadUrl().replaceAll("download_token=.*", "download_token=" + "0".repeat(64));

        HttpResponse<byte[]> matching = api().fetch(wrong, "If-None-Match", etag);
        HttpResponse<byte[]> future = api().fetch(wrong, "If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT");

        assertThat(matching.statusCode()).isEqualTo(403);
        assertThat(matching.headers().firstValue("ETag")).isEmpty();
        assertThat(future.statusCode()).isEqualTo(403);
    }

    @Test
    void aFileWhoseStoredBytesAreLostAnswersAPageNotAServerError() throws Exception {
        Uploaded file = upload("lost.bin", 1000);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.content()));
        server.app().components().blobs().delete(sha256);

        HttpResponse<byte[]> response = api().fetch(file.downloadUrl());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("This file is unavailable at the moment.");
        assertThat(api().fetch(file.downloadUrl(), "Range", "bytes=10-19").statusCode()).isEqualTo(503);
    }

    @Test
    void aTokenIsBoundToItsFile() {
        Uploaded first = upload("first.bin", 100);
        Uploaded second = upload("second.bin", 100);
        String token = first.downloadUrl().substring(first.downloadUrl().indexOf("download_token="));
        String secondPage = second.downloadUrl().substring(0, second.downloadUrl().indexOf('?'));

        assertThat(api().fetch(secondPage + "?" + token).statusCode()).isEqualTo(403);
    }

    @Test
    void trashedFilesStopServing() {
        Uploaded file = upload("trashed.bin", 100);
        file.session().call("file/delete", "file_id", file.id());

        assertThat(api().fetch(file.downloadUrl()).statusCode()).isEqualTo(404);
    }

    @Test
    void identicalUploadsShareOneBlobAndBothDownload() throws Exception {
        Session session = signInNewUser();
        byte[] content = UploadApiTest.randomBytes(2000, 99);
        String a = session.upload("a.bin", content).data().get(0).path("file_id").asText();
        String b = session.upload("b.bin", content).data().get(0).path("file_id").asText();

        for (String id : new String[] {a, b}) {
            String url = session.call("file/download", "file_id", id).data().path("download_url").asText();
            assertThat(api().fetch(url).body()).isEqualTo(content);
        }
        String sha256 = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(content));
        try (var files = java.nio.file.Files.walk(server.settings().dataDir().resolve("blobs"))) {
            assertThat(files.filter(path -> path.getFileName().toString().equals(sha256)).count()).isEqualTo(1);
        }
    }

    @Test
    void headAnswersHeadersOnly() throws Exception {
        Uploaded file = upload("head.bin", 4096);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(file.downloadUrl()))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();

        var response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("4096");
        assertThat(response.body()).isEmpty();
    }
}
