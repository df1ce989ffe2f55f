-- Every sign-in of a known account, through the API (authorize) or the website, admitted or refused
-- (issue #20): the admin panel shows it per user. Rows older than the retention are pruned by a job.
CREATE TABLE sign_ins (
    id ${id_column},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    ip VARCHAR(64) NOT NULL,
    channel VARCHAR(8) NOT NULL,
    success INTEGER NOT NULL
);
CREATE INDEX sign_ins_user ON sign_ins (user_id, at);
CREATE INDEX sign_ins_time ON sign_ins (at);

-- The admin dashboard counts the whole site's uploads and downloads per day.
CREATE INDEX files_created ON files (created_at);
CREATE INDEX downloads_time ON downloads (started_at);
