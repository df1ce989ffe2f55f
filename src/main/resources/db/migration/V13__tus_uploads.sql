-- Resumable (tus) uploads in progress: their state here, their bytes staged in the blob store.
-- A PATCH holds the lease (lease_owner until lease_until) so only one node appends at a time;
-- a stalled one loses it when lease_until passes.
CREATE TABLE tus_uploads (
    id CHAR(32) PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    upload_length BIGINT,
    upload_offset BIGINT NOT NULL,
    metadata VARCHAR(4000) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    folder_id BIGINT,
    uploaded_ip VARCHAR(64),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    lease_owner VARCHAR(64),
    lease_until BIGINT,
    file_id BIGINT REFERENCES files (id) ON DELETE SET NULL
);
CREATE INDEX tus_uploads_expiry ON tus_uploads (expires_at);
CREATE INDEX tus_uploads_user ON tus_uploads (user_id);
