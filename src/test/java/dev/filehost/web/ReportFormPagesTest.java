package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.AbuseReport;
import dev.filehost.admin.AbuseReports;
import dev.filehost.admin.Actor;
import dev.filehost.admin.ReportStatus;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import dev.filehost.support.SiteClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The "Report this file" form of the public file page, as a visitor who is not signed in uses it. */
class ReportFormPagesTest extends ApiTestBase {

    /** Every test starts with the loopback address's report allowance whole. */
    @BeforeEach
    void newMinute() {
        server.clock().advance(Duration.ofMinutes(2));
    }

    private static SiteClient visitor() {
        return new SiteClient("http://127.0.0.1:" + server.app().port());
    }

    private static String uploadedShortUrl(Session session, String name) {
        return session.upload(name, name.getBytes(StandardCharsets.UTF_8)).data().get(0).path("short_url").asText();
    }

    private static List<AbuseReport> reportsWith(String details) {
        return server.app().components().abuseReports().list(null).stream()
                .filter(report -> report.details().equals(details)).toList();
    }

    private static HttpResponse<String> report(SiteClient visitor, String shortUrl, String... extra) {
        String[] fields = {"reason", "Spam", "email", "reporter@example.test"};
        String[] all = new String[fields.length + extra.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(extra, 0, all, fields.length, extra.length);
        return visitor.submit("/" + shortUrl, "/" + shortUrl + "~r", all);
    }

    @Test
    void aVisitorReportsAFileAndIsThanked() {
        String shortUrl = uploadedShortUrl(signInNewUser(), "reported.txt");
        SiteClient visitor = visitor();

        HttpResponse<String> page = visitor.get("/" + shortUrl);
        assertThat(page.body()).contains("Report this file", "name=\"reason\"", "Copyright infringement");

        HttpResponse<String> sent = report(visitor, shortUrl, "details", "A spam file, visitor test.");

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Thank you. Your report was sent to the site's administrators.");
        List<AbuseReport> stored = reportsWith("A spam file, visitor test.");
        assertThat(stored).singleElement().satisfies(report -> {
            assertThat(report.reason()).isEqualTo("Spam");
            assertThat(report.reporterEmail()).isEqualTo("reporter@example.test");
            assertThat(report.reporterIp()).isEqualTo("127.0.0.1");
            assertThat(report.status()).isEqualTo(ReportStatus.OPEN);
        });
    }

    @Test
    void aFilledHoneypotLooksAcceptedButStoresNothing() {
        String shortUrl = uploadedShortUrl(signInNewUser(), "bait.txt");

        HttpResponse<String> sent = report(visitor(), shortUrl, "details", "Sent by a bot.",
                ReportPages.HONEYPOT, "http://spam.example");

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Thank you. Your report was sent");
        assertThat(reportsWith("Sent by a bot.")).isEmpty();
    }

    @Test
    void aReportWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
        String shortUrl = uploadedShortUrl(signInNewUser(), "forged.txt");
        SiteClient visitor = visitor();
        visitor.get("/" + shortUrl);

        HttpResponse<String> forged = visitor.post("/" + shortUrl + "~r", "reason", "Spam", "email",
                "reporter@example.test", "details", "Forged from another site.");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(reportsWith("Forged from another site.")).isEmpty();
    }

    @Test
    void aRefusedReportShowsWhyAndKeepsWhatWasTyped() {
        String shortUrl = uploadedShortUrl(signInNewUser(), "typo.txt");

        HttpResponse<String> refused = visitor().submit("/" + shortUrl, "/" + shortUrl + "~r", "reason", "Spam",
                "email", "no-address", "details", "Kept after the refusal.");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Please provide a valid email address.", "Kept after the refusal.",
                "<option selected>Spam</option>");
        assertThat(reportsWith("Kept after the refusal.")).isEmpty();
    }

    @Test
    void anAddressMaySendOnlyAFewReportsAMinute() {
        String shortUrl = uploadedShortUrl(signInNewUser(), "popular.txt");
        SiteClient visitor = visitor();
        for (int i = 0; i < AbuseReports.REPORTS_PER_MINUTE; i++) {
            assertThat(report(visitor, shortUrl, "details", "Rate test " + i).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = report(visitor, shortUrl, "details", "Rate test, one too many.");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("You have sent several reports in a short time.");
        assertThat(reportsWith("Rate test, one too many.")).isEmpty();
    }

    @Test
    void aFileRemovedAfterAReportSaysSoWhereATrashedOneIsJustGone() {
        Session owner = signInNewUser();
        String reported = uploadedShortUrl(owner, "removed.txt");
        var trashedFile = owner.upload("trashed.txt", new byte[] {1}).data().get(0);
        String trashed = trashedFile.path("short_url").asText();
        report(visitor(), reported, "details", "Remove this one.");
        AbuseReport report = reportsWith("Remove this one.").getFirst();
        server.app().components().abuseReports().remove(new Actor("admin", "192.0.2.1"), report.id());
        owner.call("file/delete", "file_id", trashedFile.path("file_id").asText());

        HttpResponse<String> removedPage = visitor().get("/" + reported);
        HttpResponse<String> trashedPage = visitor().get("/" + trashed);

        assertThat(removedPage.statusCode()).isEqualTo(404);
        assertThat(removedPage.body()).contains(PublicRoutes.REMOVED_AFTER_REPORT);
        assertThat(trashedPage.statusCode()).isEqualTo(404);
        assertThat(trashedPage.body()).doesNotContain(PublicRoutes.REMOVED_AFTER_REPORT);
    }
}
