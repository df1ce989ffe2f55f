-- A visitor's right answer to a folder's password, kept for the visitor's browser session so
-- that every node knows it: the cookie holds a random token, this row its SHA-256. The password
-- that was answered is kept too, so that a new password locks the folder again.
CREATE TABLE folder_unlocks (
    visitor_hash CHAR(64) NOT NULL,
    folder_id BIGINT NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
    access_password CHAR(32) NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (visitor_hash, folder_id)
);
CREATE INDEX folder_unlocks_expiry ON folder_unlocks (expires_at);
