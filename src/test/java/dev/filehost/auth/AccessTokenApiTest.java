package dev.filehost.auth;

import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessTokenApiTest extends ApiTestBase {
    private static final String REJECTED =
            "Could not validate access_token and account_id, please reauthenticate or try again.";

    @Test
    void everyAuthenticatedEndpointNamesAMissingTokenOrAccount() {
        Session session = signInNewUser();
        for (String endpoint : new String[] {"account/info", "account/package"}) {
            assertThat(api().post(endpoint, params("account_id", session.accountId())).message())
                    .isEqualTo("Please provide the access_token param.");
            assertThat(api().post(endpoint, params("access_token", session.accessToken())).message())
                    .isEqualTo("Please provide the account_id param.");
            assertThat(api().post(endpoint, params("access_token", " ", "account_id", session.accountId())).message())
                    .isEqualTo("Please provide the access_token param.");
        }
    }

    @Test
    void aTokenNeverOpensAnotherAccount() {
        Session alice = signInNewUser();
        Session bob = signInNewUser();

        ApiReply reply = api().post("account/info",
                params("access_token", alice.accessToken(), "account_id", bob.accountId()));

        assertThat(reply.message()).isEqualTo(REJECTED);
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void malformedTokensAndAccountIdsAreRejected() {
        Session session = signInNewUser();
        for (String[] pair : new String[][] {
                {"x".repeat(128), session.accountId()},
                {session.accessToken() + "a", session.accountId()},
                {session.accessToken(), "abc"},
                {session.accessToken(), "-1"},
                {session.accessToken(), "99999999999999999999999"},
                {session.accessToken().substring(0, 127) + "!", session.accountId()}}) {
            assertThat(api().post("account/info", params("access_token", pair[0], "account_id", pair[1])).message())
                    .isEqualTo(REJECTED);
        }
    }

    @Test
    void tokensExpireAfterAnHourIdleAndEachUseRenewsTheHour() {
        Session session = signInNewUser();

        server.clock().advance(Duration.ofMinutes(59));
        assertThat(session.call("account/info").isSuccess()).isTrue();
        server.clock().advance(Duration.ofMinutes(59));
        assertThat(session.call("account/info").isSuccess()).isTrue();
        server.clock().advance(Duration.ofMinutes(61));
        assertThat(session.call("account/info").message()).isEqualTo(REJECTED);
    }

    @Test
    void twoClientsWithTheSameKeysDoNotSignEachOtherOut() {
        NewUser user = newUser("1");
        Session first = signIn(user);
        Session second = signIn(user);

        assertThat(first.call("account/info").isSuccess()).isTrue();
        assertThat(second.call("account/info").isSuccess()).isTrue();
        assertThat(first.accessToken()).isNotEqualTo(second.accessToken());
    }

    @Test
    void theOldestTokenGoesFirstBeyondTheLimitPerUser() {
        NewUser user = newUser("1");
        Session oldest = signIn(user);
        server.clock().advance(Duration.ofSeconds(1));
        for (int i = 0; i < server.settings().maxTokensPerUser(); i++) {
            signIn(user);
            server.clock().advance(Duration.ofSeconds(1));
        }
        assertThat(oldest.call("account/info").message()).isEqualTo(REJECTED);
    }

    @Test
    void aNewTokenWorksEvenWhenOthersBeyondTheLimitWereIssuedInTheSameMillisecond() {
        NewUser user = newUser("1");
        // The clock stands still: every token has the same creation time.
        for (int i = 0; i < 5 * server.settings().maxTokensPerUser(); i++) {
            Session session = signIn(user);
            assertThat(session.call("account/info").isSuccess()).as("sign-in %d", i).isTrue();
        }
    }

    @Test
    void disablingATokenEndsItAndATokenAlreadyGoneIsRefused() {
        Session session = signInNewUser();
        Session other = signIn(newUser("1"));

        assertThat(session.call("account/info").isSuccess()).isTrue();
        ApiReply first = session.call("disable_access_token");
        assertThat(first.isSuccess()).isTrue();
        assertThat(first.message()).isEqualTo("Token removed or no longer available.");
        assertThat(first.json().fieldNames()).toIterable().containsExactly("response", "_status", "_datetime");
        assertThat(session.call("account/info").message()).isEqualTo(REJECTED);
        assertThat(session.call("disable_access_token").message()).isEqualTo(REJECTED);
        assertThat(other.call("account/info").isSuccess()).isTrue();
    }

    @Test
    void disablingNeedsBothParameters() {
        assertThat(api().post("disable_access_token", params("account_id", "1")).message())
                .isEqualTo("Please provide the access_token param.");
        assertThat(api().post("disable_access_token", params("access_token", "x")).message())
                .isEqualTo("Please provide the account_id param.");
    }

    @Test
    void disablingAnAccountEndsItsTokens() {
        NewUser user = newUser("1");
        Session session = signIn(user);
        assertThat(session.call("account/info").isSuccess()).isTrue();
        server.app().components().userAdmin().set(Actor.cli(), user.username(), "status", "suspended");

        assertThat(session.call("account/info").message()).isEqualTo(REJECTED);
    }

    @Test
    void aTokenRemovedElsewhereStopsWorkingHereWithinASecond() {
        Session session = signInNewUser();
        assertThat(session.call("account/info").isSuccess()).isTrue();
        // As another node or the admin CLI would: straight in the database.
        server.app().components().database().jdbi().useHandle(h ->
                h.execute("DELETE FROM access_tokens WHERE user_id = ?", Long.parseLong(session.accountId())));

        server.clock().advance(Duration.ofMillis(999));
        assertThat(session.call("account/info").isSuccess()).isTrue();
        server.clock().advance(Duration.ofMillis(1));
        assertThat(session.call("account/info").message()).isEqualTo(REJECTED);
    }

    @Test
    void aSignInThatDropsTheOldestTokenEndsItAtOnceEvenWhenItWasJustUsed() {
        NewUser user = newUser("1");
        Session oldest = signIn(user);
        assertThat(oldest.call("account/info").isSuccess()).isTrue();
        for (int i = 0; i < server.settings().maxTokensPerUser(); i++) {
            server.clock().advance(Duration.ofMillis(1));
            signIn(user);
        }
        assertThat(oldest.call("account/info").message()).isEqualTo(REJECTED);
    }
}
