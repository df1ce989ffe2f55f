package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.LoopbackPorts;
import dev.filehost.support.SiteClient;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A forgotten password is reset through a link sent by a real SMTP server (GreenMail). */
class PasswordResetPagesTest extends ApiTestBase {
    private static final Pattern LINK = Pattern.compile("(/account/reset_password\\?t=[A-Za-z0-9]+)");
    private static final int SMTP_PORT = LoopbackPorts.free();
    private static GreenMail mail;

    @BeforeAll
    static void startMailServer() {
        mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.stop();
    }

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_SMTP_HOST", "127.0.0.1", "FILEHOST_SMTP_PORT", Integer.toString(SMTP_PORT),
                "FILEHOST_SMTP_SECURITY", "none", "FILEHOST_SMTP_FROM", "site@example.test");
    }

    private static String base() {
        return "http://127.0.0.1:" + server.app().port();
    }

    @Test
    void theMailedLinkSetsANewPasswordOnceAndEndsEverySignIn() throws Exception {
        NewUser user = newUser("1");
        SiteClient owner = new SiteClient(base());
        owner.submit("/account/login", "/account/login", "username", user.username(), "password", user.password());
        assertThat(owner.get("/some/page").body()).contains("Sign out");
        mail.reset();

        SiteClient forgetful = new SiteClient(base());
        HttpResponse<String> asked = forgetful.submit("/account/forgot_password", "/account/forgot_password",
                "email", user.username() + "@example.test");
        assertThat(asked.body()).contains("a link to set a new password is on its way");
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(user.username() + "@example.test");
        Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
        assertThat(link.find()).isTrue();

        String page = link.group(1);
        String secret = page.substring(page.indexOf("t=") + 2);
        HttpResponse<String> reset = forgetful.submit(page, "/account/reset_password", "t", secret,
                "password", "brand new", "password_again", "brand new");
        assertThat(reset.body()).contains("Your password is changed");

        assertThat(owner.get("/some/page").body()).doesNotContain("Sign out");
        assertThat(forgetful.get(page).statusCode()).isEqualTo(404);
        HttpResponse<String> signedIn = forgetful.submit("/account/login", "/account/login",
                "username", user.username(), "password", "brand new");
        assertThat(signedIn.statusCode()).isEqualTo(303);
    }

    @Test
    void anAdminMailsAUserAResetLinkFromThePanel() throws Exception {
        NewUser user = newUser("1");
        NewUser admin = newUser("20");
        SiteClient panel = new SiteClient(base());
        panel.submit("/account/login", "/account/login", "username", admin.username(), "password", admin.password());
        String page = "/admin/users/" + user.username();
        mail.reset();

        HttpResponse<String> sent = panel.submit(page, page + "/reset-link");

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(panel.get(sent.headers().firstValue("Location").orElseThrow()).body())
                .contains("A link to set a new password is mailed to the account&#39;s address.");
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(user.username() + "@example.test");
        assertThat(LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "")).find()).isTrue();
        assertThat(server.app().components().audit().since(Instant.EPOCH, 10_000))
                .anySatisfy(entry -> assertThat(entry.actor() + " " + entry.action() + " " + entry.target())
                        .isEqualTo(admin.username() + " user.reset-link " + user.username()));
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        mail.reset();
        HttpResponse<String> asked = new SiteClient(base()).submit("/account/forgot_password",
                "/account/forgot_password", "email", "nobody@example.test");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains(PasswordResetRoutes.SENT);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }
}
