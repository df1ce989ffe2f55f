package dev.filehost.web;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.PackageField;
import dev.filehost.admin.PackageAdmin;
import dev.filehost.core.Ids;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Packages: the list with each one's number of accounts, creating one, and a package's page with every field
 * of {@link PackageField} (those of /account/package and the ones only the CLI sets) and its removal.
 */
public final class AdminPackagesSection implements AdminSection {
    static final String PATH = AdminRoutes.ROOT + "/packages";
    private static final Map<String, String> NOTICES = Map.of(
            "created", "The package is created. Its limits are 0 (unlimited) until you set them.",
            "saved", "The package is saved. Its accounts have the new limits now.",
            "removed", "The package is removed.");

    private final PackageAdmin packages;

    public AdminPackagesSection(PackageAdmin packages) {
        this.packages = packages;
    }

    private record Row(long id, String label, String levelType, String url, int accounts) {
    }

    private record ListPage(List<Row> packages, String notice, String error, String label, String levelType) {
    }

    /** One field's control: a yes/no choice for a flag, a number box for a count, a text box else. */
    private record FieldView(String name, String label, String value, boolean flag, boolean count, boolean yes) {
    }

    private record PackagePage(String label, String url, long id, int accounts, List<FieldView> fields,
                               String notice, String error) {
    }

    @Override
    public String title() {
        return "Packages";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void register(AdminRouter router) {
        router.get(PATH, (ctx, call) -> list(router, ctx, 200, notice(ctx), null, "", "paid user"));
        router.post(PATH, (ctx, call) -> {
            String label = Objects.requireNonNullElse(ctx.formParam("label"), "");
            String level = Objects.requireNonNullElse(ctx.formParam("level_type"), "");
            try {
                AccountPackage pkg = packages.create(call.actor(), label, level);
                ctx.redirect(urlOf(pkg) + "?saved=created", HttpStatus.SEE_OTHER);
            } catch (IllegalArgumentException e) {
                list(router, ctx, 400, null, SignInRoutes.capitalised(e.getMessage()), label, level);
            }
        });
        router.get(PATH + "/{id}", (ctx, call) -> withPackage(router, ctx, pkg ->
                show(router, ctx, 200, pkg, notice(ctx), null, Map.of())));
        router.post(PATH + "/{id}", (ctx, call) -> withPackage(router, ctx, pkg -> {
            try {
                // Only what changed is set, and so recorded in the audit log; a field not sent stays as it is.
                for (PackageField field : editable()) {
                    String sent = ctx.formParam(field.column());
                    if (sent != null && !sent.strip().equals(field.apiValue(pkg))) {
                        packages.set(call.actor(), Long.toString(pkg.id()), field.column(), sent);
                    }
                }
            } catch (IllegalArgumentException e) {
                show(router, ctx, 400, packages.find(pkg.id()).orElse(pkg), null,
                        SignInRoutes.capitalised(e.getMessage()), ctx.formParamMap());
                return;
            }
            ctx.redirect(urlOf(pkg) + "?saved=saved", HttpStatus.SEE_OTHER);
        }));
        router.post(PATH + "/{id}/remove", (ctx, call) -> withPackage(router, ctx, pkg -> {
            try {
                packages.remove(call.actor(), Long.toString(pkg.id()));
            } catch (IllegalArgumentException e) {
                show(router, ctx, 400, pkg, null, SignInRoutes.capitalised(e.getMessage()), Map.of());
                return;
            }
            ctx.redirect(PATH + "?saved=removed", HttpStatus.SEE_OTHER);
        }));
    }

    @FunctionalInterface
    private interface PackageHandler {
        void handle(AccountPackage pkg) throws Exception;
    }

    private void withPackage(AdminRouter router, Context ctx, PackageHandler handler) throws Exception {
        Optional<AccountPackage> pkg = Ids.parse(ctx.pathParam("id")).flatMap(packages::find);
        if (pkg.isEmpty()) {
            router.notFound(ctx);
            return;
        }
        handler.handle(pkg.get());
    }

    private void list(AdminRouter router, Context ctx, int status, String notice, String error, String label,
                      String levelType) {
        Map<Long, Integer> accounts = packages.accountCounts();
        List<Row> rows = packages.list().stream().map(pkg -> new Row(pkg.id(), pkg.label(), pkg.levelType(),
                urlOf(pkg), accounts.getOrDefault(pkg.id(), 0))).toList();
        router.show(ctx, status, "admin_packages", new ListPage(rows, notice, error, label, levelType));
    }

    /** The page; after a refused save, {@code sent} holds what the form was sent with, shown again. */
    private void show(AdminRouter router, Context ctx, int status, AccountPackage pkg, String notice, String error,
                      Map<String, List<String>> sent) {
        List<FieldView> fields = editable().stream().map(field -> {
            String value = Optional.ofNullable(sent.get(field.column())).flatMap(values -> values.stream().findFirst())
                    .orElse(field.apiValue(pkg));
            return new FieldView(field.column(), labelOf(field), value, field.kind() == PackageField.Kind.FLAG,
                    field.kind() == PackageField.Kind.COUNT, "1".equals(value));
        }).toList();
        router.show(ctx, status, "admin_package", new PackagePage(pkg.label(), urlOf(pkg), pkg.id(),
                packages.accountCounts().getOrDefault(pkg.id(), 0), fields, notice, error));
    }

    private static List<PackageField> editable() {
        return Arrays.stream(PackageField.values()).filter(field -> field.kind() != PackageField.Kind.FIXED).toList();
    }

    /** "max_upload_size" as "Max upload size"; counts say that 0 means unlimited. */
    private static String labelOf(PackageField field) {
        String words = field.column().replace('_', ' ');
        String label = words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        return field.kind() == PackageField.Kind.COUNT ? label + " (0: unlimited)" : label;
    }

    private static String notice(Context ctx) {
        return NOTICES.get(Objects.requireNonNullElse(ctx.queryParam("saved"), ""));
    }

    private static String urlOf(AccountPackage pkg) {
        return PATH + "/" + pkg.id();
    }
}
