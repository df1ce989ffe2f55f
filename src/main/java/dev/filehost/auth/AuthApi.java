package dev.filehost.auth;

import dev.filehost.account.User;
import dev.filehost.core.Refusal;
import dev.filehost.http.ApiCall;
import dev.filehost.http.ApiParams;
import dev.filehost.http.ApiResult;
import dev.filehost.http.ApiRouter;
import java.util.LinkedHashMap;
import java.util.Map;

/** /authorize and /disable_access_token. */
public final class AuthApi {
    static final String NEED_KEY1 = "Please provide key1. It must be 64 characters in length.";
    static final String NEED_KEY2 = "Please provide key2. It must be 64 characters in length.";
    static final String NEED_USERNAME = "Please provide a username.";
    static final String NEED_PASSWORD = "Please provide a password.";
    static final String TOKEN_REMOVED = "Token removed or no longer available.";

    private final AuthService auth;
    private final boolean passwordLogin;

    public AuthApi(AuthService auth, boolean passwordLogin) {
        this.auth = auth;
        this.passwordLogin = passwordLogin;
    }

    public void register(ApiRouter<User> router) {
        router.open("authorize", this::authorize).open("disable_access_token", this::disableAccessToken);
    }

    private ApiResult authorize(ApiCall<User> call) {
        ApiParams params = call.params();
        boolean keysSent = params.isPresent("key1") || params.isPresent("key2");
        boolean passwordSent = params.isPresent("username") || params.isPresent("password");
        AuthService.Session session = passwordLogin && passwordSent && !keysSent
                ? auth.authorizeWithPassword(params.require("username", NEED_USERNAME),
                        params.require("password", NEED_PASSWORD), call.clientIp())
                : auth.authorizeWithKeys(key(params, "key1", NEED_KEY1), key(params, "key2", NEED_KEY2),
                        call.clientIp());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_token", session.accessToken());
        data.put("account_id", Long.toString(session.accountId()));
        return ApiResult.data(data);
    }

    private static String key(ApiParams params, String name, String message) {
        String value = params.get(name).orElse("");
        if (!Secrets.isAlphanumeric(value, ApiKeys.KEY_LENGTH)) {
            throw Refusal.badInput(message);
        }
        return value;
    }

    private ApiResult disableAccessToken(ApiCall<User> call) {
        ApiParams params = call.params();
        String token = params.require("access_token");
        String accountId = params.require("account_id");
        auth.signOut(token, accountId);
        return ApiResult.message(TOKEN_REMOVED);
    }
}
