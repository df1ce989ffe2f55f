-- A lock from failed sign-ins holds one account for one address only, so a stranger's guesses never
-- lock the owner out (issue #14); users.locked_until, the account-wide lock, goes.
CREATE TABLE login_locks (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ip VARCHAR(64) NOT NULL,
    locked_until BIGINT NOT NULL,
    PRIMARY KEY (user_id, ip)
);
CREATE INDEX login_failures_address ON login_failures (user_id, ip, failed_at);
ALTER TABLE users DROP COLUMN locked_until;
