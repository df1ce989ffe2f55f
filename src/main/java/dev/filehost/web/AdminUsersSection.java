package dev.filehost.web;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.User;
import dev.filehost.account.UserStatus;
import dev.filehost.admin.PackageAdmin;
import dev.filehost.admin.UserAdmin;
import dev.filehost.auth.ApiKeys;
import dev.filehost.auth.PasswordResets;
import dev.filehost.auth.SignIn;
import dev.filehost.core.Ids;
import dev.filehost.http.ApiDates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.mail.MessagingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users: find and page through accounts, create one, and on an account's page change its fields, set its
 * password or mail it a reset link, give it new API keys, end its sign-ins, read its sign-in history, delete it.
 * Every change goes through {@link UserAdmin}, as the CLI's do.
 */
public final class AdminUsersSection implements AdminSection {
    static final String PATH = AdminRoutes.ROOT + "/users";
    private static final Map<String, String> NOTICES = Map.of(
            "created", "The account is created.",
            "fields", "The account is saved.",
            "password", "The password is set. The account's API tokens and website sessions have ended.",
            "link", "A link to set a new password is mailed to the account's address.",
            "tokens", "Every API token and website session of the account has ended.",
            "deleted", "The account is deleted: it can no longer sign in, and its files are in the trash until the purge.");
    /** The fields of the account form, by their names in {@link UserAdmin#set}. */
    private static final List<String> FIELDS = List.of("email", "package", "status", "storageLimitOverride");
    /** The package the create form offers first, as the CLI's {@code user add} does: Free Account. */
    private static final String NEW_ACCOUNT_PACKAGE = "1";
    /** An admin who suspended or deleted their own account would lock themselves out of the panel. */
    static final String NOT_YOURSELF = "You cannot change the status of your own account or delete it here. "
            + "Another admin can, or the CLI.";
    private static final Logger log = LoggerFactory.getLogger(AdminUsersSection.class);

    private final UserAdmin users;
    private final PackageAdmin packages;
    private final Optional<ResetLinkMail> resetMail;
    private final ApiDates dates;

    public AdminUsersSection(UserAdmin users, PackageAdmin packages, Optional<ResetLinkMail> resetMail,
                             ApiDates dates) {
        this.users = users;
        this.packages = packages;
        this.resetMail = resetMail;
        this.dates = dates;
    }

    private record Row(String username, String url, String email, String packageName, String status, String created,
                       String lastSignIn) {
    }

    private record Choice(String value, String label, boolean selected) {
    }

    private record PageLink(String url, String label) {
    }

    private record ListPage(String query, List<Row> users, int total, int page, int pages, PageLink previous,
                            PageLink next, List<Choice> packages, String notice, String error, NewAccount entered) {
    }

    /** What the create form was sent with, shown again when it is refused. */
    private record NewAccount(String username, String email) {
    }

    private record SignInRow(String at, String ip, String channel, boolean success) {
    }

    private record UserPage(String username, String url, String email, String storageLimitOverride,
                            List<Choice> packages, List<Choice> statuses, String created, String notice, String error,
                            ApiKeys.KeyPair newKeys, boolean resetLinkOffered, List<SignInRow> signIns) {
    }

    @Override
    public String title() {
        return "Users";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void register(AdminRouter router) {
        router.get(PATH, (ctx, call) -> list(router, ctx, 200, notice(ctx), null, new NewAccount("", "")));
        router.post(PATH, (ctx, call) -> create(router, ctx, call));
        router.get(PATH + "/{name}", (ctx, call) -> withUser(router, ctx, user ->
                show(router, ctx, 200, user, notice(ctx), null, null)));
        router.post(PATH + "/{name}", (ctx, call) -> withUser(router, ctx, user -> change(router, ctx, user, () -> {
            // Only what changed is set, and so recorded in the audit log; a field not sent stays as it is.
            for (String field : FIELDS) {
                String sent = ctx.formParam(field);
                if (sent != null && !sent.strip().equals(current(user, field))) {
                    if (field.equals("status") && isSelf(call, user)) {
                        throw new IllegalArgumentException(NOT_YOURSELF);
                    }
                    users.set(call.actor(), user.username(), field, sent.strip());
                }
            }
            return "fields";
        })));
        router.post(PATH + "/{name}/password", (ctx, call) -> withUser(router, ctx, user ->
                change(router, ctx, user, () -> {
                    users.set(call.actor(), user.username(), "password",
                            Objects.requireNonNullElse(ctx.formParam("password"), ""));
                    return "password";
                })));
        router.post(PATH + "/{name}/keys", (ctx, call) -> withUser(router, ctx, user ->
                show(router, ctx, 200, user, null, null, users.newKeys(call.actor(), user.username()))));
        router.post(PATH + "/{name}/end-tokens", (ctx, call) -> withUser(router, ctx, user ->
                change(router, ctx, user, () -> {
                    users.endTokens(call.actor(), user.username());
                    return "tokens";
                })));
        router.post(PATH + "/{name}/delete", (ctx, call) -> withUser(router, ctx, user -> {
            if (isSelf(call, user)) {
                show(router, ctx, 400, user, null, NOT_YOURSELF, null);
                return;
            }
            if (!user.username().equals(ctx.formParam("confirm"))) {
                show(router, ctx, 400, user, null, "Type the username to confirm the deletion.", null);
                return;
            }
            users.delete(call.actor(), user.username());
            ctx.redirect(PATH + "?saved=deleted", HttpStatus.SEE_OTHER);
        }));
        resetMail.ifPresent(mail -> router.post(PATH + "/{name}/reset-link", (ctx, call) -> withUser(router, ctx,
                user -> {
                    PasswordResets.Link link;
                    try {
                        link = users.resetLink(call.actor(), user.username());
                    } catch (IllegalArgumentException e) {
                        show(router, ctx, 400, user, null, SignInRoutes.capitalised(e.getMessage()), null);
                        return;
                    }
                    try {
                        mail.send(link);
                    } catch (MessagingException e) {
                        log.warn("Password reset mail to a user could not be sent: {}", e.toString());
                        show(router, ctx, 503, user, null, PasswordResetRoutes.MAIL_FAILED, null);
                        return;
                    }
                    ctx.redirect(urlOf(user) + "?saved=link", HttpStatus.SEE_OTHER);
                })));
    }

    private void create(AdminRouter router, Context ctx, AdminCall call) {
        String username = Objects.requireNonNullElse(ctx.formParam("username"), "").strip();
        String email = Objects.requireNonNullElse(ctx.formParam("email"), "").strip();
        try {
            User user = users.add(call.actor(), username, Objects.requireNonNullElse(ctx.formParam("password"), ""),
                    email.isEmpty() ? null : email, Objects.requireNonNullElse(ctx.formParam("package"), ""));
            ctx.redirect(urlOf(user) + "?saved=created", HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            list(router, ctx, 400, null, SignInRoutes.capitalised(e.getMessage()), new NewAccount(username, email));
        }
    }

    /** A change that answers with the notice's key; a refused one shows the account's page with the reason. */
    @FunctionalInterface
    private interface Change {
        String apply() throws Exception;
    }

    private void change(AdminRouter router, Context ctx, User user, Change change) throws Exception {
        String notice;
        try {
            notice = change.apply();
        } catch (IllegalArgumentException e) {
            // The account as it is now: of several fields, those before the refused one are saved.
            show(router, ctx, 400, users.lookup(user.username()).orElse(user), null,
                    SignInRoutes.capitalised(e.getMessage()), null);
            return;
        }
        ctx.redirect(urlOf(user) + "?saved=" + notice, HttpStatus.SEE_OTHER);
    }

    @FunctionalInterface
    private interface UserHandler {
        void handle(User user) throws Exception;
    }

    private void withUser(AdminRouter router, Context ctx, UserHandler handler) throws Exception {
        Optional<User> user = users.lookup(ctx.pathParam("name"));
        if (user.isEmpty()) {
            router.notFound(ctx);
            return;
        }
        handler.handle(user.get());
    }

    private void list(AdminRouter router, Context ctx, int status, String notice, String error, NewAccount entered) {
        String query = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
        int wanted = Ids.parse(ctx.queryParam("page")).filter(p -> p <= Integer.MAX_VALUE).map(Long::intValue).orElse(1);
        UserAdmin.UserPage found = users.search(query, wanted);
        Map<Long, String> packageNames = new LinkedHashMap<>();
        packages.list().forEach(pkg -> packageNames.put(pkg.id(), pkg.label()));
        List<Row> rows = found.users().stream().map(user -> new Row(user.username(), urlOf(user),
                Objects.requireNonNullElse(user.email(), ""), packageNames.getOrDefault(user.packageId(), "?"),
                user.status().value(), dates.format(user.createdAt()),
                user.lastLoginAt() == null ? "never" : dates.format(user.lastLoginAt()))).toList();
        router.show(ctx, status, "admin_users", new ListPage(query, rows, found.total(), found.page(), found.pages(),
                found.page() > 1 ? new PageLink(listUrl(query, found.page() - 1), "Previous page") : null,
                found.page() < found.pages() ? new PageLink(listUrl(query, found.page() + 1), "Next page") : null,
                packageChoices(packages.list(), NEW_ACCOUNT_PACKAGE), notice, error, entered));
    }

    private void show(AdminRouter router, Context ctx, int status, User user, String notice, String error,
                      ApiKeys.KeyPair newKeys) {
        List<Choice> statuses = Arrays.stream(UserStatus.values())
                .map(s -> new Choice(s.value(), s.value(), s == user.status())).toList();
        List<SignInRow> signIns = users.signIns(user.username()).stream().map(signIn -> new SignInRow(
                dates.format(signIn.at()), signIn.ip(), signIn.channel() == SignIn.Channel.API
                ? "API" : "Website", signIn.success())).toList();
        router.show(ctx, status, "admin_user", new UserPage(user.username(), urlOf(user),
                Objects.requireNonNullElse(user.email(), ""), current(user, "storageLimitOverride"),
                packageChoices(packages.list(), Long.toString(user.packageId())), statuses,
                dates.format(user.createdAt()), notice, error, newKeys, resetMail.isPresent(), signIns));
    }

    private static List<Choice> packageChoices(List<AccountPackage> all, String selectedId) {
        return all.stream().map(pkg -> new Choice(Long.toString(pkg.id()), pkg.label(),
                Long.toString(pkg.id()).equals(selectedId))).toList();
    }

    /** The field's value as the account form shows it and {@link UserAdmin#set} reads it. */
    private static String current(User user, String field) {
        return switch (field) {
            case "email" -> Objects.requireNonNullElse(user.email(), "");
            case "package" -> Long.toString(user.packageId());
            case "status" -> user.status().value();
            case "storageLimitOverride" -> user.storageLimitOverride() == null ? ""
                    : Long.toString(user.storageLimitOverride());
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static boolean isSelf(AdminCall call, User user) {
        return call.user().id() == user.id();
    }

    private static String notice(Context ctx) {
        return NOTICES.get(Objects.requireNonNullElse(ctx.queryParam("saved"), ""));
    }

    static String urlOf(User user) {
        return PATH + "/" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8);
    }

    private static String listUrl(String query, int page) {
        return PATH + "?" + (query.isEmpty() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&")
                + "page=" + page;
    }
}
