package dev.filehost.admin;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.PackageField;
import dev.filehost.account.PackageRepository;
import dev.filehost.account.Packages;
import dev.filehost.auth.AccessTokens;
import dev.filehost.core.YesNo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an operator does to packages: list them and change their fields, recorded in the audit log. */
public final class PackageAdmin {
    private final PackageRepository packages;
    private final Packages rules;
    private final UserAdmin users;
    private final AccessTokens tokens;
    private final AuditLog audit;

    /** {@code rules} is told of every change, as are the token holders this node remembers. */
    public PackageAdmin(PackageRepository packages, Packages rules, UserAdmin users, AccessTokens tokens,
                        AuditLog audit) {
        this.audit = audit;
        this.packages = packages;
        this.rules = rules;
        this.users = users;
        this.tokens = tokens;
    }

    public List<AccountPackage> list() {
        return packages.list();
    }

    public Optional<AccountPackage> find(long id) {
        return packages.findById(id);
    }

    /** The number of accounts on each package, by package id; a package without any is not in it. */
    public Map<Long, Integer> accountCounts() {
        return packages.accountCounts();
    }

    /** A new package with every limit at 0 (unlimited) until set. */
    public AccountPackage create(Actor actor, String label, String levelType) {
        String cleanLabel = (String) parse(PackageField.LABEL, label);
        if (packages.findByLabel(cleanLabel).isPresent()) {
            throw new IllegalArgumentException("a package named '" + cleanLabel + "' exists already");
        }
        long id = packages.insert(cleanLabel, (String) parse(PackageField.LEVEL_TYPE, levelType));
        AccountPackage pkg = packages.findById(id).orElseThrow();
        audit.record(actor, "package.add", pkg.label(), "created with id " + id + " and level " + pkg.levelType());
        return pkg;
    }

    /** Removes a package that no account is on; Guest, which visitors get, stays. */
    public void remove(Actor actor, String packageRef) {
        AccountPackage pkg = users.findPackage(packageRef);
        if (pkg.id() == Packages.GUEST) {
            throw new IllegalArgumentException("the package '" + pkg.label()
                    + "' applies to visitors who are not signed in and cannot be removed");
        }
        if (!packages.deleteUnused(pkg.id())) {
            int accounts = packages.accountCounts().getOrDefault(pkg.id(), 0);
            throw new IllegalArgumentException("the package '" + pkg.label() + "' cannot be removed: " + accounts
                    + (accounts == 1 ? " account is" : " accounts are") + " on it; move them to another package first");
        }
        changed();
        audit.record(actor, "package.remove", pkg.label(), "removed package " + pkg.id());
    }

    public AccountPackage set(Actor actor, String packageRef, String fieldName, String value) {
        AccountPackage pkg = users.findPackage(packageRef);
        PackageField field = PackageField.byName(fieldName).orElseThrow(() ->
                new IllegalArgumentException("unknown field '" + fieldName + "'"));
        packages.update(pkg.id(), field, parse(field, value));
        changed();
        audit.record(actor, "package.set", pkg.label(), field.column() + " = " + value.strip());
        return packages.findById(pkg.id()).orElseThrow();
    }

    private void changed() {
        rules.reread();
        tokens.forgetAllHolders();
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
