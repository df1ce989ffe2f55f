package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The downloader's package limits: the token owner's package, or Guest for visitors of a file page. */
class DownloadLimitsTest extends ApiTestBase {
    private static final Pattern VISITOR_LINK = Pattern.compile("href=\"([^\"]*download_token=[0-9a-f]{64})\"");

    @AfterEach
    void resetPackages() {
        for (String pkg : new String[] {"Guest", "Premium Account"}) {
            for (String field : new String[] {"max_download_filesize_allowed", "downloads_per_24_hours",
                    "download_size_per_24_hours", "wait_between_downloads", "download_speed", "concurrent_downloads"}) {
                setPackage(pkg, field, "0");
            }
        }
    }

    private static void setPackage(String pkg, String field, String value) {
        server.app().components().packageAdmin().set(Actor.cli(), pkg, field, value);
    }

    private static String link(Session session, String id) {
        return session.call("file/download", "file_id", id).data().path("download_url").asText();
    }

    private static String upload(Session session, String name, int size) {
        return session.upload(name, UploadApiTest.randomBytes(size, size)).data().get(0).path("file_id").asText();
    }

    private static String visitorLink(Session owner, String id) {
        String page = owner.call("file/info", "file_id", id).data().path("url_file").asText();
        String html = new String(api().fetch(page).body(), StandardCharsets.UTF_8);
        Matcher matcher = VISITOR_LINK.matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    @Test
    void largestDownloadableFileOfThePackage() {
        Session premium = signIn(newUser("Premium Account"));
        setPackage("Premium Account", "max_download_filesize_allowed", "1000");
        String small = upload(premium, "small.bin", 1000);
        String large = upload(premium, "large.bin", 1001);

        assertThat(api().fetch(link(premium, small)).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> refused = api().fetch(link(premium, large));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("larger than your account level");
    }

    @Test
    void downloadsPer24HoursCountStartsNotRanges() {
        NewUser user = newUser("Premium Account");
        Session premium = signIn(user);
        setPackage("Premium Account", "downloads_per_24_hours", "2");
        String id = upload(premium, "counted.bin", 500);
        String url = link(premium, id);

        assertThat(api().fetch(url).statusCode()).isEqualTo(200);
        assertThat(api().fetch(url, "Range", "bytes=100-").statusCode()).isEqualTo(206);
        assertThat(api().fetch(url).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> third = api().fetch(url);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();

        server.clock().advance(Duration.ofHours(25));
        assertThat(api().fetch(link(signIn(user), id)).statusCode()).isEqualTo(200);
    }

    @Test
    void bytesPer24Hours() {
        Session premium = signIn(newUser("Premium Account"));
        setPackage("Premium Account", "download_size_per_24_hours", "1500");
        String id = upload(premium, "bytes.bin", 1000);

        assertThat(api().fetch(link(premium, id)).statusCode()).isEqualTo(200);
        assertThat(api().fetch(link(premium, id)).statusCode()).isEqualTo(429);
    }

    @Test
    void visitorsMeetTheGuestPackageAndItsWait() {
        Session owner = signInNewUser();
        String id = upload(owner, "public.bin", 700);
        setPackage("Guest", "wait_between_downloads", "30");

        String url = visitorLink(owner, id);
        HttpResponse<byte[]> early = api().fetch(url);
        assertThat(early.statusCode()).isEqualTo(429);
        assertThat(early.headers().firstValue("Retry-After")).hasValue("30");

        server.clock().advance(Duration.ofSeconds(31));
        assertThat(api().fetch(url).statusCode()).isEqualTo(200);

        String next = visitorLink(owner, id);
        server.clock().advance(Duration.ofSeconds(31));
        assertThat(api().fetch(next).statusCode()).isEqualTo(200);
    }

    @Test
    void apiLinksSkipTheWait() {
        Session premium = signIn(newUser("Premium Account"));
        setPackage("Premium Account", "wait_between_downloads", "60");
        String id = upload(premium, "nowait.bin", 300);

        assertThat(api().fetch(link(premium, id)).statusCode()).isEqualTo(200);
        assertThat(api().fetch(link(premium, id)).statusCode()).isEqualTo(200);
    }

    @Test
    void downloadSpeedIsThrottled() {
        Session premium = signIn(newUser("Premium Account"));
        setPackage("Premium Account", "download_speed", "200000");
        String id = upload(premium, "slow.bin", 400_000);
        String url = link(premium, id);

        long start = System.nanoTime();
        HttpResponse<byte[]> response = api().fetch(url);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.body()).hasSize(400_000);
        assertThat(millis).isGreaterThanOrEqualTo(1500);
    }
}
