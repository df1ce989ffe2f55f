package dev.filehost.support;

import java.util.Map;

/** A signed-in client: every call carries its access_token and account_id. */
public record Session(ApiClient client, String accessToken, String accountId) {
    public ApiReply call(String endpoint, String... pairs) {
        Map<String, String> params = ApiClient.params(pairs);
        params.put("access_token", accessToken);
        params.put("account_id", accountId);
        return client.post(endpoint, params);
    }
}
