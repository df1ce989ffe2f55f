package dev.filehost.auth;

import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LockoutApiTest extends ApiTestBase {
    private static final String PASSWORD_REJECTED = "Could not authenticate user. The username and password may be "
            + "invalid or your account may be locked from too many failed logins.";
    private static final String KEYS_REJECTED = "Could not authenticate user. The key pair may be invalid or your "
            + "account may be locked from too many failed logins.";

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesWithTheSameAnswer() {
        NewUser user = newUser("1");
        failPasswordTimes(user, 5);

        assertThat(signInWithPassword(user).message()).isEqualTo(PASSWORD_REJECTED);
        assertThat(signInWithKeys(user).message()).isEqualTo(KEYS_REJECTED);

        server.clock().advance(Duration.ofMinutes(14));
        assertThat(signInWithPassword(user).message()).isEqualTo(PASSWORD_REJECTED);
        server.clock().advance(Duration.ofMinutes(2));
        assertThat(signInWithPassword(user).isSuccess()).isTrue();
    }

    @Test
    void oneAccountsLockNeverBlocksAnother() {
        NewUser locked = newUser("1");
        NewUser other = newUser("1");
        failPasswordTimes(locked, 5);

        assertThat(signInWithPassword(locked).message()).isEqualTo(PASSWORD_REJECTED);
        assertThat(signInWithPassword(other).isSuccess()).isTrue();
        assertThat(signInWithKeys(other).isSuccess()).isTrue();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        NewUser user = newUser("1");
        failPasswordTimes(user, 4);
        server.clock().advance(Duration.ofMinutes(16));
        failPasswordTimes(user, 4);

        assertThat(signInWithPassword(user).isSuccess()).isTrue();
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() {
        NewUser user = newUser("1");
        failPasswordTimes(user, 4);
        assertThat(signInWithPassword(user).isSuccess()).isTrue();
        failPasswordTimes(user, 4);

        assertThat(signInWithPassword(user).isSuccess()).isTrue();
    }

    @Test
    void wrongKey2CountsAsAFailure() {
        NewUser user = newUser("1");
        for (int i = 0; i < 5; i++) {
            api().post("authorize", params("key1", user.keys().key1(), "key2", "Q".repeat(64)));
        }
        assertThat(signInWithKeys(user).message()).isEqualTo(KEYS_REJECTED);
    }

    private static void failPasswordTimes(NewUser user, int times) {
        for (int i = 0; i < times; i++) {
            ApiReply reply = api().post("authorize", params("username", user.username(), "password", "wrong" + i));
            assertThat(reply.message()).isEqualTo(PASSWORD_REJECTED);
        }
    }

    private static ApiReply signInWithPassword(NewUser user) {
        return api().post("authorize", params("username", user.username(), "password", user.password()));
    }

    private static ApiReply signInWithKeys(NewUser user) {
        return api().post("authorize", Map.of("key1", user.keys().key1(), "key2", user.keys().key2()));
    }
}
