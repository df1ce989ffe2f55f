-- Uploads without an account (guest uploads from the website). One account owns every file that came
-- without one: "(anonymous)", a name no sign-up can take. A YetiShare import made it as
-- "yetishare-anonymous"; it keeps its files under the new name. It is disabled: nobody signs in as it.
UPDATE users SET username = '(anonymous)', status = 'disabled'
WHERE username = 'yetishare-anonymous' AND password_hash = '!'
    AND NOT EXISTS (SELECT 1 FROM users other WHERE other.username = '(anonymous)');

-- A visitor's grant to upload from the website, minted for the page's script; the table keeps its SHA-256.
-- It lapses when unused for as long as an unfinished resumable upload waits for its next piece.
CREATE TABLE guest_grants (
    token_hash CHAR(64) PRIMARY KEY,
    ip VARCHAR(64),
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL
);
CREATE INDEX guest_grants_last_used ON guest_grants (last_used_at);

-- A guest's resumable upload answers only to the grant that created it (null for an account's upload).
ALTER TABLE tus_uploads ADD COLUMN guest_grant_hash CHAR(64);
