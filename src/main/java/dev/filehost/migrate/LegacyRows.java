package dev.filehost.migrate;

import java.util.List;
import java.util.Map;

/** The rows of a YetiShare database that a migration reads; times are epoch milliseconds (UTC), null where unset. */
final class LegacyRows {
    private LegacyRows() {
    }

    /** A {@code user_level} row; {@code limits} holds the mapped columns by filehost's package field name. */
    record Package(long id, String label, String levelType, Map<String, Object> limits,
                   List<String> unmapped) {
    }

    record User(long id, String username, String passwordHash, long levelId, String email, String status,
                Long createdAt, Long lastLoginAt, String lastLoginIp, Long paidExpiryAt, Long storageLimitOverride,
                boolean isPublic, String title, String firstname, String lastname) {
    }

    record ApiKey(long id, long userId, String key1, String key2, Long createdAt) {
    }

    record Folder(long id, long userId, Long parentId, String name, int isPublic, String accessPassword,
                  String urlHash, String status, Long createdAt, Long updatedAt) {
    }

    record File(long id, String name, String shortUrl, long size, String localFilePath, Long userId,
                String uploadedIp, Long uploadedAt, String status, long visits, Long lastAccessedAt,
                String deleteHash, Long folderId, Long serverId, String accessPassword, String md5,
                String description, boolean isPublic, String uploadSource, String uniqueHash, Long updatedAt) {
    }

    record Server(long id, String label, String type) {
        boolean isLocal() {
            return "local".equalsIgnoreCase(type);
        }
    }
}
