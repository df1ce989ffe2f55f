package dev.filehost.tus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.admin.Actor;
import dev.filehost.ban.BanScope;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import dev.filehost.support.TusRequests;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tus 1.0 protocol, one test per rule, on SQLite and PostgreSQL with blobs on local disk. */
class TusProtocolTest extends ApiTestBase {

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }

    private static TusRequests tus(Session session) {
        return new TusRequests(api(), session);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Tokens outlive the clock moved past an upload's expiry. */
    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_AUTH_TOKEN_IDLE_MINUTES", "525600");
    }

    @AfterEach
    void resetFreePackage() {
        var admin = server.app().components().packageAdmin();
        admin.set(Actor.cli(), "Free Account", "max_upload_size", "1073741824");
        admin.set(Actor.cli(), "Free Account", "can_upload", "1");
        admin.set(Actor.cli(), "Free Account", "blocked_file_types", "");
    }

    @Test
    void optionsNamesTheVersionExtensionsChecksumsAndTheCallersLargestFile() {
        TusRequests tus = tus(signInNewUser());

        HttpResponse<String> anonymous = tus.sendExactly("OPTIONS", tus.creationUrl(), null);
        HttpResponse<String> signedIn = tus.send("OPTIONS", tus.creationUrl(), null);

        assertThat(anonymous.statusCode()).isEqualTo(204);
        assertThat(header(anonymous, "Tus-Version")).isEqualTo("1.0.0");
        assertThat(header(anonymous, "Tus-Extension")).isEqualTo(
                "creation,creation-with-upload,creation-defer-length,termination,checksum,expiration");
        assertThat(header(anonymous, "Tus-Checksum-Algorithm")).isEqualTo("md5,sha1,sha256");
        assertThat(header(anonymous, "Tus-Max-Size")).isNull();
        assertThat(header(signedIn, "Tus-Max-Size")).isEqualTo("1073741824");
    }

    @Test
    void requestsWithoutTusResumableAreRefusedWith412() {
        TusRequests tus = tus(signInNewUser());

        HttpResponse<String> refused = tus.sendExactly("POST", tus.creationUrl(), null, "Upload-Length", "10");

        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(header(refused, "Tus-Version")).isEqualTo("1.0.0");
    }

    @Test
    void callersWithoutAValidBearerTokenAreRefusedWith401() {
        TusRequests tus = tus(signInNewUser());

        HttpResponse<String> none = tus.sendExactly("POST", tus.creationUrl(), null, "Tus-Resumable", "1.0.0",
                "Upload-Length", "10", "Upload-Metadata", TusRequests.metadata("filename", "a.bin"));
        HttpResponse<String> wrong = tus.sendExactly("POST", tus.creationUrl(), null, "Tus-Resumable", "1.0.0",
                "Authorization", "Bearer " + "x".repeat(128), "Upload-Length", "10");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"_status\":\"error\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void creationAnswers201WithTheUploadsUrlAndExpiry() {
        TusRequests tus = tus(signInNewUser());

        HttpResponse<String> created = tus.send("POST", tus.creationUrl(), null, "Upload-Length", "100",
                "Upload-Metadata", TusRequests.metadata("filename", "report.pdf", "filetype", "application/pdf"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(header(created, "Location")).matches(server.settings().publicUrl() + "/api/v2/tus/[0-9a-f]{32}");
        assertThat(header(created, "Upload-Expires")).endsWith(" GMT");
        assertThat(header(created, "Tus-Resumable")).isEqualTo("1.0.0");
    }

    @Test
    void creationNeedsALengthOrDeferralAndAFilename() {
        TusRequests tus = tus(signInNewUser());

        HttpResponse<String> noLength = tus.send("POST", tus.creationUrl(), null,
                "Upload-Metadata", TusRequests.metadata("filename", "a.bin"));
        HttpResponse<String> noName = tus.send("POST", tus.creationUrl(), null, "Upload-Length", "10");

        assertThat(noLength.statusCode()).isEqualTo(400);
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("filename");
    }

    @Test
    void aLengthAboveTheCallersLargestFileIsRefusedWith413AtCreation() {
        TusRequests tus = tus(signInNewUser());
        server.app().components().packageAdmin().set(Actor.cli(), "Free Account", "max_upload_size", "1000");

        HttpResponse<String> refused = tus.send("POST", tus.creationUrl(), null, "Upload-Length", "1001",
                "Upload-Metadata", TusRequests.metadata("filename", "big.bin"));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("The maximum upload size for your account is 1000 bytes.");
    }

    @Test
    void thePackagesRefusalsOfFileUploadApplyAtCreation() {
        TusRequests tus = tus(signInNewUser());
        var admin = server.app().components().packageAdmin();

        admin.set(Actor.cli(), "Free Account", "blocked_file_types", "exe");
        HttpResponse<String> blockedType = tus.send("POST", tus.creationUrl(), null, "Upload-Length", "10",
                "Upload-Metadata", TusRequests.metadata("filename", "setup.exe"));
        admin.set(Actor.cli(), "Free Account", "can_upload", "0");
        HttpResponse<String> cannotUpload = tus.send("POST", tus.creationUrl(), null, "Upload-Length", "10",
                "Upload-Metadata", TusRequests.metadata("filename", "notes.txt"));

        assertThat(blockedType.statusCode()).isEqualTo(403);
        assertThat(blockedType.body()).contains("Files of type 'exe' are not allowed for your account.");
        assertThat(cannotUpload.statusCode()).isEqualTo(403);
        assertThat(cannotUpload.body()).contains("Your account level does not allow uploads.");
    }

    @Test
    void headReportsOffsetLengthAndMetadataAndIsNotCached() {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(100, "notes.txt");
        tus.patch(url, 0, randomBytes(40, 1));

        HttpResponse<String> head = tus.head(url);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(header(head, "Upload-Offset")).isEqualTo("40");
        assertThat(header(head, "Upload-Length")).isEqualTo("100");
        assertThat(header(head, "Upload-Metadata")).isEqualTo(TusRequests.metadata("filename", "notes.txt"));
        assertThat(header(head, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void patchAppendsAndAnswers204WithTheNewOffset() {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(100, "a.bin");

        HttpResponse<String> patched = tus.patch(url, 0, randomBytes(30, 2));

        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(header(patched, "Upload-Offset")).isEqualTo("30");
        assertThat(header(patched, "Upload-Expires")).endsWith(" GMT");
    }

    @Test
    void aPatchWithAnotherContentTypeIsRefusedWith415() {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(100, "a.bin");

        HttpResponse<String> refused = tus.send("PATCH", url, randomBytes(10, 3), "Upload-Offset", "0",
                "Content-Type", "application/octet-stream");

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(header(tus.head(url), "Upload-Offset")).isEqualTo("0");
    }

    @Test
    void aPatchAtAnotherOffsetIsRefusedWith409() {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(100, "a.bin");
        tus.patch(url, 0, randomBytes(10, 4));

        HttpResponse<String> refused = tus.patch(url, 5, randomBytes(10, 5));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(header(tus.head(url), "Upload-Offset")).isEqualTo("10");
    }

    @Test
    void aBodyPastUploadLengthIsRefusedWith413() {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(100, "a.bin");

        HttpResponse<String> refused = tus.patch(url, 0, randomBytes(101, 6));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(header(tus.head(url), "Upload-Offset")).isEqualTo("0");
    }

    @Test
    void everyOfferedChecksumIsCheckedAndAMismatchIsRefusedWith460KeepingNothing() throws Exception {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(300, "a.bin");
        long offset = 0;
        for (String[] algorithm : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha256", "SHA-256"}}) {
            byte[] piece = randomBytes(50, offset);
            String right = Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm[1]).digest(piece));
            String wrong = Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm[1]).digest(new byte[1]));

            HttpResponse<String> mismatch = tus.patch(url, offset, piece, "Upload-Checksum", algorithm[0] + " " + wrong);
            assertThat(mismatch.statusCode()).as(algorithm[0]).isEqualTo(460);
            assertThat(header(tus.head(url), "Upload-Offset")).isEqualTo(Long.toString(offset));

            HttpResponse<String> match = tus.patch(url, offset, piece, "Upload-Checksum", algorithm[0] + " " + right);
            assertThat(match.statusCode()).as(algorithm[0]).isEqualTo(204);
            offset += piece.length;
        }
        assertThat(header(tus.head(url), "Upload-Offset")).isEqualTo("150");
    }

    @Test
    void anUnsupportedChecksumAlgorithmIsRefusedWith400() {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(100, "a.bin");

        HttpResponse<String> refused = tus.patch(url, 0, randomBytes(10, 7), "Upload-Checksum", "crc32 AAAAAA==");

        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownUploadIs404() {
        TusRequests tus = tus(signInNewUser());

        assertThat(tus.head(tus.creationUrl() + "0".repeat(32)).statusCode()).isEqualTo(404);
        assertThat(tus.head(tus.creationUrl() + "not-an-id").statusCode()).isEqualTo(404);
        assertThat(tus.patch(tus.creationUrl() + "0".repeat(32), 0, new byte[1]).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherAccountsUploadIs404ToItsHeadPatchAndDelete() {
        String url = tus(signInNewUser()).create(100, "mine.bin");
        TusRequests other = tus(signInNewUser());

        assertThat(other.head(url).statusCode()).isEqualTo(404);
        assertThat(other.patch(url, 0, randomBytes(10, 8)).statusCode()).isEqualTo(404);
        assertThat(other.send("DELETE", url, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anExpiredUploadIs410UntilHousekeepingRemovesItThen404() {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(100, "a.bin");
        tus.patch(url, 0, randomBytes(10, 9));

        double expired = metric("filehost_tus_uploads_total{event=\"expired\"}");

        server.clock().advance(Duration.ofHours(24).plusSeconds(1));
        int status = tus.head(url).statusCode();
        int removed = server.app().components().housekeeping().resumableUploadExpiry().orElseThrow().run();

        assertThat(status).isEqualTo(410);
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(metric("filehost_tus_uploads_total{event=\"expired\"}")).isGreaterThanOrEqualTo(expired + 1);
        assertThat(tus.head(url).statusCode()).isEqualTo(404);
    }

    @Test
    void terminationAnswers204AndTheUploadIsGone() {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(100, "a.bin");
        tus.patch(url, 0, randomBytes(10, 10));

        HttpResponse<String> deleted = tus.send("DELETE", url, null);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(tus.head(url).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeferredLengthIsDeclaredByALaterPatch() throws Exception {
        TusRequests tus = tus(signInNewUser());
        byte[] content = randomBytes(70, 11);
        HttpResponse<String> created = tus.send("POST", tus.creationUrl(), null, "Upload-Defer-Length", "1",
                "Upload-Metadata", TusRequests.metadata("filename", "later.bin"));
        String url = header(created, "Location");

        tus.patch(url, 0, Arrays.copyOfRange(content, 0, 40));
        HttpResponse<String> deferred = tus.head(url);
        HttpResponse<String> last = tus.patch(url, 40, Arrays.copyOfRange(content, 40, 70), "Upload-Length", "70");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(header(deferred, "Upload-Defer-Length")).isEqualTo("1");
        assertThat(header(deferred, "Upload-Length")).isNull();
        assertThat(last.statusCode()).isEqualTo(204);
        assertThat(header(last, "Filehost-File-Id")).isNotNull();
        assertThat(header(tus.head(url), "Upload-Length")).isEqualTo("70");
    }

    @Test
    void creationWithUploadTakesTheFirstBytesAndMayCompleteTheFile() {
        Session session = signInNewUser();
        TusRequests tus = tus(session);
        byte[] content = randomBytes(64, 12);

        HttpResponse<String> created = tus.send("POST", tus.creationUrl(), content, "Upload-Length", "64",
                "Upload-Metadata", TusRequests.metadata("filename", "small.bin"), "Content-Type", TusRequests.OCTETS);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(header(created, "Upload-Offset")).isEqualTo("64");
        String fileId = header(created, "Filehost-File-Id");
        assertThat(session.call("file/info", "file_id", fileId).data().path("filename").asText()).isEqualTo("small.bin");
    }

    @Test
    void theLastBytesMakeAnOrdinaryFileInTheFolderWithTheContractsHashAndLinks() throws Exception {
        Session session = signInNewUser();
        TusRequests tus = tus(session);
        String folderId = session.call("folder/create", "folder_name", "tus").data().path("id").asText();
        byte[] content = randomBytes(250_000, 13);
        String url = header(tus.send("POST", tus.creationUrl(), null, "Upload-Length", "250000",
                "Upload-Metadata", TusRequests.metadata("filename", "movie.mp4", "folder_id", folderId)), "Location");

        tus.patch(url, 0, Arrays.copyOfRange(content, 0, 100_000));
        tus.patch(url, 100_000, Arrays.copyOfRange(content, 100_000, 200_000));
        HttpResponse<String> last = tus.patch(url, 200_000, Arrays.copyOfRange(content, 200_000, 250_000));

        String fileId = header(last, "Filehost-File-Id");
        JsonNode info = session.call("file/info", "file_id", fileId).data();
        assertThat(last.statusCode()).isEqualTo(204);
        assertThat(header(last, "Upload-Offset")).isEqualTo("250000");
        assertThat(md5Of(fileId)).isEqualTo(hex("MD5", content));
        assertThat(info.path("folderId").asText()).isEqualTo(folderId);
        assertThat(header(last, "Filehost-File-Url")).isEqualTo(info.path("url_file").asText());
        String download = session.call("file/download", "file_id", fileId).data().path("download_url").asText();
        assertThat(api().fetch(download).body()).isEqualTo(content);
        HttpResponse<String> afterwards = tus.head(url);
        assertThat(header(afterwards, "Upload-Offset")).isEqualTo("250000");
        assertThat(header(afterwards, "Filehost-File-Id")).isEqualTo(fileId);
    }

    @Test
    void aSecondUploadOfTheSameNameAndBytesIsNamedAsUploadsAreAndSharesTheBlob() {
        Session session = signInNewUser();
        TusRequests tus = tus(session);
        byte[] content = randomBytes(1000, 14);
        String uploaded = session.upload("twice.bin", content).data().get(0).path("unique_hash").asText();

        String url = tus.create(1000, "twice.bin");
        String fileId = header(tus.patch(url, 0, content), "Filehost-File-Id");

        JsonNode info = session.call("file/info", "file_id", fileId).data();
        assertThat(info.path("filename").asText()).isEqualTo("twice (2).bin");
        assertThat(uploaded).isNotBlank();
        int blobs = server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(DISTINCT blob_sha256) FROM files WHERE user_id = :user").bind("user",
                Long.parseLong(session.accountId())).mapTo(Integer.class).one());
        assertThat(blobs).isEqualTo(1);
    }

    @Test
    void headAfterAnInterruptedPatchReportsTheBytesKeptAndTheUploadResumesFromThere() throws Exception {
        Session session = signInNewUser();
        TusRequests tus = tus(session);
        byte[] content = randomBytes(600_000, 15);
        String url = tus.create(600_000, "broken.bin");

        // Closing after sending: the server still reads what was sent, then finds the body cut short.
        tus.startPatch(url, 0, 600_000, Arrays.copyOfRange(content, 0, 300_000)).close();
        waitUntil(() -> "300000".equals(header(tus.head(url), "Upload-Offset")));
        HttpResponse<String> rest = tus.patch(url, 300_000, Arrays.copyOfRange(content, 300_000, 600_000));

        assertThat(md5Of(header(rest, "Filehost-File-Id"))).isEqualTo(hex("MD5", content));
    }

    @Test
    void piecesThatDoNotFitTheStoresPartsMakeTheRightFile() throws Exception {
        Session session = signInNewUser();
        TusRequests tus = tus(session);
        int size = 12 * 1024 * 1024 + 12_345;
        byte[] content = randomBytes(size, 19);
        String url = tus.create(size, "pieces.bin");

        int offset = 0;
        HttpResponse<String> last = null;
        for (int piece : new int[] {3 * 1024 * 1024 + 7, 1000, 4 * 1024 * 1024, 2 * 1024 * 1024}) {
            last = tus.patch(url, offset, Arrays.copyOfRange(content, offset, offset + piece));
            assertThat(last.statusCode()).isEqualTo(204);
            offset += piece;
        }
        last = tus.patch(url, offset, Arrays.copyOfRange(content, offset, size));

        String fileId = header(last, "Filehost-File-Id");
        assertThat(md5Of(fileId)).isEqualTo(hex("MD5", content));
        String download = session.call("file/download", "file_id", fileId).data().path("download_url").asText();
        assertThat(hex("SHA-256", api().fetch(download).body())).isEqualTo(hex("SHA-256", content));
    }

    @Test
    void xHttpMethodOverrideTurnsAPostIntoPatchOrDelete() {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(100, "a.bin");

        HttpResponse<String> patched = tus.send("POST", url, randomBytes(20, 16), "X-HTTP-Method-Override", "PATCH",
                "Upload-Offset", "0", "Content-Type", TusRequests.OCTETS);
        HttpResponse<String> deleted = tus.send("POST", url, null, "X-HTTP-Method-Override", "DELETE");

        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(header(patched, "Upload-Offset")).isEqualTo("20");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(tus.head(url).statusCode()).isEqualTo(404);
    }

    @Test
    void aSecondPatchWhileOneIsSendingIsRefusedWith423UntilTheFirstStalls() throws Exception {
        Session session = signInNewUser();
        TusRequests tus = tus(session);
        byte[] content = randomBytes(200_000, 17);
        String url = tus.create(200_000, "stalled.bin");

        int sent = 50_000;
        try (Socket stalled = tus.startPatch(url, 0, 200_000, Arrays.copyOfRange(content, 0, sent))) {
            waitUntil(() -> leaseIsHeld(url));
            HttpResponse<String> locked = tus.patch(url, 0, new byte[10]);
            server.clock().advance(UploadLeases.STALL_TIMEOUT.plusSeconds(1));
            HttpResponse<String> takenOver = tus.patch(url, 0, content);
            stalled.getOutputStream().write(Arrays.copyOfRange(content, sent, 200_000));

            assertThat(locked.statusCode()).isEqualTo(423);
            assertThat(takenOver.statusCode()).isEqualTo(204);
            assertThat(TusRequests.answerOn(stalled)).doesNotStartWith("HTTP/1.1 2");
            assertThat(md5Of(header(takenOver, "Filehost-File-Id"))).isEqualTo(hex("MD5", content));
        }
    }

    @Test
    void prometheusCountsUploadsStartedAndCompletedAndTheBytesReceived() {
        TusRequests tus = tus(signInNewUser());
        double started = metric("filehost_tus_uploads_total{event=\"started\"}");
        double completed = metric("filehost_tus_uploads_total{event=\"completed\"}");
        double bytes = metric("filehost_tus_bytes_total");

        String url = tus.create(500, "counted.bin");
        tus.patch(url, 0, randomBytes(500, 18));

        assertThat(metric("filehost_tus_uploads_total{event=\"started\"}")).isEqualTo(started + 1);
        assertThat(metric("filehost_tus_uploads_total{event=\"completed\"}")).isEqualTo(completed + 1);
        assertThat(metric("filehost_tus_bytes_total")).isEqualTo(bytes + 500);
    }

    private static double metric(String series) {
        String scrape = new String(api().fetch(api().base() + "/metrics").body(), java.nio.charset.StandardCharsets.UTF_8);
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(0.0);
    }

    /** The MD5 the API reports as the file's hash. */
    private static String md5Of(String fileId) {
        return server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT b.md5 FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256 WHERE f.id = :id")
                .bind("id", Long.parseLong(fileId)).mapTo(String.class).one());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the condition did not come true within 10 s");
    }

    @Test
    void anAddressBannedFromUploadingOrTheSiteIsRefusedEveryMethodButOptions() {
        TusRequests tus = tus(signInNewUser());
        String url = tus.create(10, "banned.bin");
        var bans = server.app().components().banAdmin();
        for (BanScope scope : List.of(BanScope.UPLOAD, BanScope.SITE)) {
            long ban = bans.add(Actor.cli(), "127.0.0.0/8", scope, null, "tus test").id();
            try {
                assertThat(tus.head(url).statusCode()).as(scope + " HEAD").isEqualTo(403);
                HttpResponse<String> patched = tus.patch(url, 0, new byte[10]);
                assertThat(patched.statusCode()).as(scope + " PATCH").isEqualTo(403);
                assertThat(patched.body()).contains(scope.text());
                assertThat(tus.send("DELETE", url, null).statusCode()).as(scope + " DELETE").isEqualTo(403);
                assertThat(tus.send("POST", tus.creationUrl(), null, "Upload-Length", "10", "Upload-Metadata",
                        TusRequests.metadata("filename", "b.bin")).statusCode()).as(scope + " POST").isEqualTo(403);
                assertThat(tus.send("OPTIONS", tus.creationUrl(), null).statusCode()).isEqualTo(204);
            } finally {
                bans.remove(Actor.cli(), ban);
            }
        }

        assertThat(tus.head(url).statusCode()).isEqualTo(200);
    }

    private static boolean leaseIsHeld(String url) {
        String id = url.substring(url.lastIndexOf('/') + 1);
        return server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT lease_owner IS NOT NULL FROM tus_uploads WHERE id = :id")
                .bind("id", id).mapTo(Boolean.class).one());
    }
}
