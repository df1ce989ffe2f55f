package dev.filehost.admin;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.PackageField;
import dev.filehost.account.PackageRepository;
import dev.filehost.auth.AccessTokens;
import dev.filehost.core.YesNo;
import java.util.List;

/** What an operator does to packages: list them and change their fields, recorded in the audit log. */
public final class PackageAdmin {
    private final PackageRepository packages;
    private final UserAdmin users;
    private final AccessTokens tokens;
    private final AuditLog audit;

    public PackageAdmin(PackageRepository packages, UserAdmin users, AccessTokens tokens, AuditLog audit) {
        this.audit = audit;
        this.packages = packages;
        this.users = users;
        this.tokens = tokens;
    }

    public List<AccountPackage> list() {
        return packages.list();
    }

    public AccountPackage set(Actor actor, String packageRef, String fieldName, String value) {
        AccountPackage pkg = users.findPackage(packageRef);
        PackageField field = PackageField.byName(fieldName).orElseThrow(() ->
                new IllegalArgumentException("unknown field '" + fieldName + "'"));
        packages.update(pkg.id(), field, parse(field, value));
        tokens.forgetAllHolders();
        audit.record(actor, "package.set", pkg.label(), field.column() + " = " + value.strip());
        return packages.findById(pkg.id()).orElseThrow();
    }

    private static Object parse(PackageField field, String value) {
        String text = value.strip();
        return switch (field.kind()) {
            case FIXED -> throw new IllegalArgumentException(field.column() + " cannot be changed");
            case TEXT -> {
                if (text.isEmpty() || text.length() > 100) {
                    throw new IllegalArgumentException(field.column() + " must be 1 to 100 characters");
                }
                yield text;
            }
            case EXTENSIONS -> {
                if (text.length() > 1000 || !text.matches("[A-Za-z0-9.,\\s]*")) {
                    throw new IllegalArgumentException(field.column()
                            + " must be a comma-separated list of extensions, e.g. jpg,png,pdf");
                }
                yield text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s", "");
            }
            case FLAG -> YesNo.parse(text).map(yes -> yes ? 1 : 0)
                    .orElseThrow(() -> new IllegalArgumentException(field.column() + " must be 0 or 1"));
            case COUNT -> {
                try {
                    long number = Long.parseLong(text);
                    if (number < 0) {
                        throw new NumberFormatException();
                    }
                    yield number;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(field.column() + " must be a whole number >= 0 (0 = unlimited)");
                }
            }
        };
    }
}
