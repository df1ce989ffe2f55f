package dev.filehost.auth;

import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The default limit of 20 failed sign-ins a minute per address, on a clock that stands still unless moved. */
class FailedSignInLimitApiTest extends ApiTestBase {
    private static final String RATE_LIMITED = "Maximum API request limit reached. Please try again later.";
    private static final String PASSWORD_REJECTED = "Could not authenticate user. The username and password may be "
            + "invalid or your account may be locked from too many failed logins.";
    private static final String KEYS_REJECTED = "Could not authenticate user. The key pair may be invalid or your "
            + "account may be locked from too many failed logins.";

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_TRUST_PROXY_HEADERS", "true");
    }

    @Test
    void aPasswordFloodFromOneAddressIsLimitedWhileKeyPairsAndOtherAddressesSignIn() throws Exception {
        NewUser user = newUser("1");
        String flooder = "10.20.0.1";
        List<Future<ApiReply>> flood = new ArrayList<>();
        List<Future<ApiReply>> keySignIns = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                String password = "guess" + i;
                flood.add(threads.submit(() -> api().postFrom(flooder, "authorize",
                        params("username", "nobody-" + password, "password", password))));
                if (i % 10 == 0) {
                    keySignIns.add(threads.submit(() -> keys(user, flooder)));
                }
            }
        }
        int rejected = 0;
        int limited = 0;
        for (Future<ApiReply> call : flood) {
            ApiReply reply = call.get();
            if (reply.status() == 429) {
                limited++;
                assertThat(reply.message()).isEqualTo(RATE_LIMITED);
                assertThat(reply.headers().firstValue("Retry-After")).hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
            } else {
                rejected++;
                assertThat(reply.message()).isEqualTo(PASSWORD_REJECTED);
            }
        }
        // Answers over the limit never reach bcrypt; a full bcrypt queue may turn a few more into 429s.
        assertThat(rejected).isLessThanOrEqualTo(20);
        assertThat(limited).isGreaterThanOrEqualTo(20);
        for (Future<ApiReply> call : keySignIns) {
            assertThat(call.get().isSuccess()).as(call.get().body()).isTrue();
        }

        assertThat(password(user, flooder).status()).isEqualTo(429);
        assertThat(keys(user, flooder).isSuccess()).isTrue();
        assertThat(password(user, "10.20.0.2").isSuccess()).isTrue();

        server.clock().advance(Duration.ofMinutes(1));
        assertThat(password(user, flooder).isSuccess()).isTrue();
    }

    @Test
    void wrongKeyPairsCountAsFailedSignIns() {
        NewUser user = newUser("1");
        String address = "10.20.1.1";
        Map<String, String> wrongPair = params("key1", user.keys().key1(), "key2", "Q".repeat(64));
        for (int i = 0; i < 20; i++) {
            assertThat(api().postFrom(address, "authorize", wrongPair).message()).isEqualTo(KEYS_REJECTED);
        }
        ApiReply limited = api().postFrom(address, "authorize", wrongPair);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.message()).isEqualTo(RATE_LIMITED);
        assertThat(keys(user, address).isSuccess()).isTrue();
    }

    @Test
    void successfulSignInsNeverUseUpTheLimit() {
        NewUser user = newUser("1");
        for (int i = 0; i < 30; i++) {
            assertThat(password(user, "10.20.2.1").isSuccess()).isTrue();
        }
    }

    private static ApiReply password(NewUser user, String address) {
        return api().postFrom(address, "authorize", params("username", user.username(), "password", user.password()));
    }

    private static ApiReply keys(NewUser user, String address) {
        return api().postFrom(address, "authorize", params("key1", user.keys().key1(), "key2", user.keys().key2()));
    }
}
