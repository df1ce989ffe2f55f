-- Packages (account levels) and their limits; 0 means unlimited.
CREATE TABLE packages (
    id BIGINT PRIMARY KEY,
    label VARCHAR(100) NOT NULL,
    level_type VARCHAR(32) NOT NULL,
    api_access INTEGER NOT NULL DEFAULT 1,
    max_upload_size BIGINT NOT NULL DEFAULT 0,
    can_upload INTEGER NOT NULL DEFAULT 1,
    wait_between_downloads INTEGER NOT NULL DEFAULT 0,
    download_speed BIGINT NOT NULL DEFAULT 0,
    max_storage_bytes BIGINT NOT NULL DEFAULT 0,
    show_site_adverts INTEGER NOT NULL DEFAULT 0,
    show_upgrade_screen INTEGER NOT NULL DEFAULT 0,
    days_to_keep_inactive_files INTEGER NOT NULL DEFAULT 0,
    concurrent_uploads INTEGER NOT NULL DEFAULT 0,
    concurrent_downloads INTEGER NOT NULL DEFAULT 0,
    downloads_per_24_hours INTEGER NOT NULL DEFAULT 0,
    download_size_per_24_hours BIGINT NOT NULL DEFAULT 0,
    max_download_filesize_allowed BIGINT NOT NULL DEFAULT 0,
    max_remote_download_urls INTEGER NOT NULL DEFAULT 0,
    on_upgrade_page INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX packages_label ON packages (label);

INSERT INTO packages (id, label, level_type, api_access, max_upload_size, can_upload, max_storage_bytes,
                      show_upgrade_screen, concurrent_uploads, max_remote_download_urls, on_upgrade_page)
VALUES (0, 'Guest', 'guest', 0, 0, 0, 0, 1, 0, 0, 0),
       (1, 'Free Account', 'free user', 1, 1073741824, 1, 10737418240, 1, 10, 5, 1),
       (2, 'Premium Account', 'paid user', 1, 10737418240, 1, 0, 0, 100, 50, 1),
       (20, 'Admin', 'admin', 1, 0, 1, 0, 0, 0, 0, 0);

CREATE TABLE users (
    id ${id_column},
    username VARCHAR(64) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    email VARCHAR(255),
    package_id BIGINT NOT NULL REFERENCES packages (id),
    status VARCHAR(16) NOT NULL DEFAULT 'active',
    title VARCHAR(32),
    firstname VARCHAR(100),
    lastname VARCHAR(100),
    language_id INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    last_login_at BIGINT,
    last_login_ip VARCHAR(64),
    last_payment_at BIGINT,
    paid_expiry_at BIGINT,
    storage_limit_override BIGINT,
    locked_until BIGINT
);
CREATE UNIQUE INDEX users_username ON users (LOWER(username));

-- One key pair per user; key2 is kept only as a SHA-256 hash.
CREATE TABLE api_keys (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    key1 CHAR(64) NOT NULL,
    key2_hash CHAR(64) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX api_keys_key1 ON api_keys (key1);

-- Access tokens are kept only as SHA-256 hashes; last_used_at drives the sliding expiry.
CREATE TABLE access_tokens (
    token_hash CHAR(64) PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    ip VARCHAR(64)
);
CREATE INDEX access_tokens_user ON access_tokens (user_id, created_at);

CREATE TABLE login_failures (
    id ${id_column},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ip VARCHAR(64),
    failed_at BIGINT NOT NULL
);
CREATE INDEX login_failures_user ON login_failures (user_id, failed_at);
