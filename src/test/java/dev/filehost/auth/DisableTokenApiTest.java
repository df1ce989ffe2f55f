package dev.filehost.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import org.junit.jupiter.api.Test;

/** /disable_access_token refuses what it cannot remove, as the original does. */
class DisableTokenApiTest extends ApiTestBase {
    private static final String REJECTED =
            "Could not validate access_token and account_id, please reauthenticate or try again.";

    @Test
    void aWrongAccountOrATokenAlreadyDisabledIsRefusedAndTheTokenOfAWrongAccountStaysLive() {
        Session session = signInNewUser();
        Session other = signInNewUser();

        ApiReply wrongAccount = api().post("disable_access_token",
                ApiClient.params("access_token", session.accessToken(), "account_id", other.accountId()));
        assertThat(wrongAccount.isError()).isTrue();
        assertThat(wrongAccount.message()).isEqualTo(REJECTED);
        assertThat(session.call("account/info").isSuccess()).isTrue();

        assertThat(session.call("disable_access_token").message()).isEqualTo("Token removed or no longer available.");
        ApiReply again = session.call("disable_access_token");
        assertThat(again.isError()).isTrue();
        assertThat(again.message()).isEqualTo(REJECTED);
    }
}
