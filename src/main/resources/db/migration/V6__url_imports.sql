-- Remote URL imports: a queue in the database, so items survive restarts and nodes share them.
CREATE TABLE url_imports (
    id ${id_column},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    folder_id BIGINT REFERENCES folders (id),
    url VARCHAR(2048) NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT,
    total_size BIGINT,
    downloaded_size BIGINT NOT NULL DEFAULT 0,
    notes VARCHAR(1000),
    file_id BIGINT REFERENCES files (id) ON DELETE SET NULL,
    claimed_by VARCHAR(64),
    heartbeat_at BIGINT,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX url_imports_status ON url_imports (status, id);
CREATE INDEX url_imports_user ON url_imports (user_id, status);
-- The same unfinished URL is queued once per account.
CREATE UNIQUE INDEX url_imports_unfinished ON url_imports (user_id, url)
    WHERE status IN ('pending', 'downloading', 'processing');
