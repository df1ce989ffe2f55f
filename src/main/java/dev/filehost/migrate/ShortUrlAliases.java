package dev.filehost.migrate;

import dev.filehost.file.ShortUrls;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Old short URLs of imported files that are not the code of the file's id; matched without regard to case. */
public final class ShortUrlAliases {
    private final Jdbi jdbi;

    public ShortUrlAliases(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The path segment with its alias ("Welcome2024~i") replaced by the file's own code, if it is an alias. */
    public Optional<String> resolve(String segment) {
        int tilde = segment.indexOf('~');
        String code = tilde < 0 ? segment : segment.substring(0, tilde);
        String rest = tilde < 0 ? "" : segment.substring(tilde);
        return fileId(code).map(id -> ShortUrls.encode(id) + rest);
    }

    Optional<Long> fileId(String code) {
        if (code.isEmpty() || code.length() > 255) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT file_id FROM short_url_aliases WHERE code_key = :key")
                .bind("key", key(code)).mapTo(Long.class).findOne());
    }

    /** Adds the alias unless the code is taken; whether the code now leads to the file. */
    boolean add(String code, long fileId) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO short_url_aliases (code_key, code, file_id) VALUES (:key, :code, :file)
                        ON CONFLICT (code_key) DO NOTHING""")
                .bind("key", key(code)).bind("code", code).bind("file", fileId).execute());
        return fileId(code).filter(id -> id == fileId).isPresent();
    }

    private static String key(String code) {
        return code.toLowerCase(Locale.ROOT);
    }
}
