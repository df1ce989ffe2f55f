-- Operator state shared by every node (issue #20): address bans, abuse reports, the audit log and
-- the site settings that override the config file's defaults.
CREATE TABLE bans (
    id ${id_column},
    address_range VARCHAR(64) NOT NULL,
    scope VARCHAR(16) NOT NULL,
    note VARCHAR(1000),
    created_by VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT
);
CREATE INDEX bans_expiry ON bans (expires_at);

-- status: open, removed (the file went to the trash after the report) or dismissed.
CREATE TABLE abuse_reports (
    id ${id_column},
    file_id BIGINT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    reason VARCHAR(100) NOT NULL,
    reporter_email VARCHAR(255) NOT NULL,
    details VARCHAR(4000) NOT NULL,
    reporter_ip VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    resolved_by VARCHAR(255)
);
CREATE INDEX abuse_reports_status ON abuse_reports (status, created_at);
CREATE INDEX abuse_reports_file ON abuse_reports (file_id, status);

CREATE TABLE audit_log (
    id ${id_column},
    actor VARCHAR(255) NOT NULL,
    address VARCHAR(64) NOT NULL,
    action VARCHAR(64) NOT NULL,
    target VARCHAR(255) NOT NULL,
    change_text VARCHAR(4000) NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (at);

CREATE TABLE site_settings (
    name VARCHAR(64) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL,
    updated_at BIGINT NOT NULL
);
