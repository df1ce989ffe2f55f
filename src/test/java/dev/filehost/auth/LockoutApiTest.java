package dev.filehost.auth;

import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each test signs in from addresses of its own (X-Forwarded-For), so no test's failures reach another. */
class LockoutApiTest extends ApiTestBase {
    private static final String PASSWORD_REJECTED = "Could not authenticate user. The username and password may be "
            + "invalid or your account may be locked from too many failed logins.";
    private static final String KEYS_REJECTED = "Could not authenticate user. The key pair may be invalid or your "
            + "account may be locked from too many failed logins.";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_TRUST_PROXY_HEADERS", "true", "FILEHOST_AUTH_ACCOUNT_LOCKOUT_ATTEMPTS", "10");
    }

    @Test
    void fiveFailuresLockTheAccountForTheirAddressForFifteenMinutesWithTheSameAnswer() {
        NewUser user = newUser("1");
        String address = newAddress();
        failPasswordTimes(user, address, 5);

        assertThat(signInWithPassword(user, address).message()).isEqualTo(PASSWORD_REJECTED);
        server.clock().advance(Duration.ofMinutes(14));
        assertThat(signInWithPassword(user, address).message()).isEqualTo(PASSWORD_REJECTED);
        server.clock().advance(Duration.ofMinutes(2));
        assertThat(signInWithPassword(user, address).isSuccess()).isTrue();
    }

    @Test
    void aLockFromOneAddressNeverLocksTheOwnerOutFromAnother() {
        NewUser user = newUser("1");
        String stranger = newAddress();
        failPasswordTimes(user, stranger, 5);

        assertThat(signInWithPassword(user, stranger).message()).isEqualTo(PASSWORD_REJECTED);
        assertThat(signInWithPassword(user, newAddress()).isSuccess()).isTrue();
    }

    @Test
    void passwordFailuresNeverRefuseTheKeyPair() {
        NewUser user = newUser("1");
        String address = newAddress();
        failPasswordTimes(user, address, 5);

        assertThat(signInWithPassword(user, address).message()).isEqualTo(PASSWORD_REJECTED);
        assertThat(signInWithKeys(user, address).isSuccess()).isTrue();
    }

    @Test
    void wrongKeyPairsNeverLock() {
        NewUser user = newUser("1");
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            ApiReply reply = api().postFrom(address, "authorize",
                    params("key1", user.keys().key1(), "key2", "Q".repeat(64)));
            assertThat(reply.message()).isEqualTo(KEYS_REJECTED);
        }
        assertThat(signInWithKeys(user, address).isSuccess()).isTrue();
        assertThat(signInWithPassword(user, address).isSuccess()).isTrue();
    }

    @Test
    void oneAccountsLockNeverBlocksAnother() {
        NewUser locked = newUser("1");
        NewUser other = newUser("1");
        String address = newAddress();
        failPasswordTimes(locked, address, 5);

        assertThat(signInWithPassword(locked, address).message()).isEqualTo(PASSWORD_REJECTED);
        assertThat(signInWithPassword(other, address).isSuccess()).isTrue();
        assertThat(signInWithKeys(other, address).isSuccess()).isTrue();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        NewUser user = newUser("1");
        String address = newAddress();
        failPasswordTimes(user, address, 4);
        server.clock().advance(Duration.ofMinutes(16));
        failPasswordTimes(user, address, 4);

        assertThat(signInWithPassword(user, address).isSuccess()).isTrue();
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() {
        NewUser user = newUser("1");
        String address = newAddress();
        failPasswordTimes(user, address, 4);
        assertThat(signInWithPassword(user, address).isSuccess()).isTrue();
        failPasswordTimes(user, address, 4);

        assertThat(signInWithPassword(user, address).isSuccess()).isTrue();
    }

    /** This class's server holds an account after 10 failures from all addresses (the default is 50). */
    @Test
    void failuresFromManyAddressesHoldTheAccountForAMinuteExceptAtTheOwnersLastAddress() {
        NewUser user = newUser("1");
        String owners = newAddress();
        assertThat(signInWithKeys(user, owners).isSuccess()).isTrue();
        failPasswordTimes(user, newAddress(), 5);
        failPasswordTimes(user, newAddress(), 5);

        String elsewhere = newAddress();
        assertThat(signInWithPassword(user, elsewhere).message()).isEqualTo(PASSWORD_REJECTED);
        assertThat(signInWithPassword(user, owners).isSuccess()).isTrue();
        assertThat(signInWithKeys(user, elsewhere).isSuccess()).isTrue();

        server.clock().advance(Duration.ofSeconds(61));
        assertThat(signInWithPassword(user, newAddress()).isSuccess()).isTrue();
    }

    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10.14." + (n / 250) + "." + (n % 250 + 1);
    }

    private static void failPasswordTimes(NewUser user, String address, int times) {
        for (int i = 0; i < times; i++) {
            ApiReply reply = api().postFrom(address, "authorize",
                    params("username", user.username(), "password", "wrong" + i));
            assertThat(reply.message()).isEqualTo(PASSWORD_REJECTED);
        }
    }

    private static ApiReply signInWithPassword(NewUser user, String address) {
        return api().postFrom(address, "authorize", params("username", user.username(), "password", user.password()));
    }

    private static ApiReply signInWithKeys(NewUser user, String address) {
        return api().postFrom(address, "authorize", params("key1", user.keys().key1(), "key2", user.keys().key2()));
    }
}
