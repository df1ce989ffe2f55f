-- The website's sign-ins (issue #19). The cookie holds the secret; the table keeps only its SHA-256,
-- so a copy of the database signs nobody in. Any node finds a session here, and ending one here ends it
-- everywhere. The CSRF token belongs to the session and changes with it. The uploader's scripts call the
-- API with one access token minted for the session (its hash kept here), revoked when the session ends.
CREATE TABLE web_sessions (
    id ${id_column},
    secret_hash CHAR(64) NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    ip VARCHAR(64),
    user_agent VARCHAR(255),
    api_token_hash CHAR(64)
);
CREATE UNIQUE INDEX web_sessions_secret ON web_sessions (secret_hash);
CREATE INDEX web_sessions_user ON web_sessions (user_id, last_seen_at);

-- Password reset links sent by email: the link holds the secret, the table its SHA-256; one use.
CREATE TABLE password_resets (
    secret_hash CHAR(64) PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);
CREATE INDEX password_resets_user ON password_resets (user_id);
