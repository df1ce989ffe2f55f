-- Which file types a package may upload: comma-separated extensions, empty = no rule.
ALTER TABLE packages ADD COLUMN accepted_file_types VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE packages ADD COLUMN blocked_file_types VARCHAR(1000) NOT NULL DEFAULT '';

CREATE TABLE folders (
    id ${id_column},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES folders (id),
    name VARCHAR(255) NOT NULL,
    is_public INTEGER NOT NULL DEFAULT 0,
    access_password CHAR(32),
    status VARCHAR(16) NOT NULL DEFAULT 'active',
    created_at BIGINT NOT NULL,
    updated_at BIGINT,
    trashed_at BIGINT
);
CREATE INDEX folders_user_parent ON folders (user_id, parent_id);

-- Content-addressed blobs; a row exists while any file may refer to the blob.
CREATE TABLE blobs (
    sha256 CHAR(64) PRIMARY KEY,
    md5 CHAR(32) NOT NULL,
    size BIGINT NOT NULL,
    referenced_at BIGINT NOT NULL
);

CREATE TABLE files (
    id ${id_column},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    folder_id BIGINT REFERENCES folders (id),
    name VARCHAR(255) NOT NULL,
    extension VARCHAR(255) NOT NULL,
    mime_type VARCHAR(255) NOT NULL,
    size BIGINT NOT NULL,
    blob_sha256 CHAR(64) NOT NULL REFERENCES blobs (sha256),
    delete_hash CHAR(32) NOT NULL,
    unique_hash CHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'active',
    downloads BIGINT NOT NULL DEFAULT 0,
    uploaded_ip VARCHAR(64),
    upload_source VARCHAR(16) NOT NULL,
    description VARCHAR(1000),
    created_at BIGINT NOT NULL,
    last_accessed_at BIGINT,
    trashed_at BIGINT
);
CREATE INDEX files_user_folder ON files (user_id, folder_id, status, name);
CREATE INDEX files_blob ON files (blob_sha256);
CREATE UNIQUE INDEX files_unique_hash ON files (unique_hash);
-- One active file per name in a folder; the upload path renames to "name (2).ext" on conflict.
CREATE UNIQUE INDEX files_active_name ON files (user_id, COALESCE(folder_id, 0), name) WHERE status = 'active';

-- Download links, kept as SHA-256 of the token: from /file/download (user_id = the caller,
-- usable at once) or from a file page (user_id NULL = a visitor, usable after the package's wait).
CREATE TABLE download_tokens (
    token_hash CHAR(64) PRIMARY KEY,
    file_id BIGINT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    ip VARCHAR(64),
    created_at BIGINT NOT NULL,
    not_before BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX download_tokens_expiry ON download_tokens (expires_at);

-- Every served download: the stats page and the per-24-hours limits read it.
CREATE TABLE downloads (
    id ${id_column},
    file_id BIGINT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    user_id BIGINT,
    ip VARCHAR(64) NOT NULL,
    bytes BIGINT NOT NULL,
    started_at BIGINT NOT NULL
);
CREATE INDEX downloads_file ON downloads (file_id, started_at);
CREATE INDEX downloads_ip ON downloads (ip, started_at);
CREATE INDEX downloads_user ON downloads (user_id, started_at);
