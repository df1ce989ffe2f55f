package dev.filehost.support;

import java.util.Map;

/** A signed-in client: every call carries its access_token and account_id. */
public record Session(ApiClient client, String accessToken, String accountId) {
    /** Uploads with the credentials sent before the file, as clients do. */
    public ApiReply upload(String filename, byte[] content, String... fields) {
        Map<String, String> before = ApiClient.params("access_token", accessToken, "account_id", accountId);
        before.putAll(ApiClient.params(fields));
        return client.upload(before, filename, content, Map.of());
    }

    public ApiReply call(String endpoint, String... pairs) {
        Map<String, String> params = ApiClient.params(pairs);
        params.put("access_token", accessToken);
        params.put("account_id", accountId);
        return client.post(endpoint, params);
    }
}
