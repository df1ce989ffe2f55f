package dev.filehost.account;

import dev.filehost.http.ApiCall;
import dev.filehost.http.ApiDates;
import dev.filehost.http.ApiResult;
import dev.filehost.http.ApiRouter;
import java.util.LinkedHashMap;
import java.util.Map;

/** /account/info and /account/package. */
public final class AccountApi {
    private final Packages packages;
    private final ApiDates dates;

    public AccountApi(Packages packages, ApiDates dates) {
        this.packages = packages;
        this.dates = dates;
    }

    public void register(ApiRouter<User> router) {
        router.authenticated("account/info", this::info).authenticated("account/package", this::accountPackage);
    }

    private ApiResult info(ApiCall<User> call) {
        User user = call.caller();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", Long.toString(user.id()));
        data.put("username", user.username());
        data.put("level_id", Long.toString(user.packageId()));
        data.put("email", user.email());
        data.put("lastlogindate", dates.format(user.lastLoginAt()));
        data.put("lastloginip", user.lastLoginIp());
        data.put("status", user.status().value());
        data.put("title", user.title());
        data.put("firstname", user.firstname());
        data.put("lastname", user.lastname());
        data.put("languageId", Integer.toString(user.languageId()));
        data.put("datecreated", dates.format(user.createdAt()));
        data.put("lastPayment", dates.format(user.lastPaymentAt()));
        data.put("paidExpiryDate", dates.format(user.paidExpiryAt()));
        data.put("storageLimitOverride", user.storageLimitOverride() == null
                ? null : user.storageLimitOverride().toString());
        return ApiResult.data(data);
    }

    private ApiResult accountPackage(ApiCall<User> call) {
        AccountPackage pkg = packages.of(call.caller());
        Map<String, Object> data = new LinkedHashMap<>();
        for (PackageField field : PackageField.values()) {
            if (field.shownByApi()) {
                data.put(field.column(), field.apiValue(pkg));
            }
        }
        return ApiResult.data(data);
    }
}
