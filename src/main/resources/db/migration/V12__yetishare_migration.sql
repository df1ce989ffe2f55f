-- Short URLs of an imported YetiShare site that differ from the code of the file's id (an admin's
-- "Welcome2024"): the public pages fall back to this table. Codes are unique without regard to
-- case, as on the original, so the key is the lower-cased code.
CREATE TABLE short_url_aliases (
    code_key VARCHAR(255) PRIMARY KEY,
    code VARCHAR(255) NOT NULL,
    file_id BIGINT NOT NULL REFERENCES files (id) ON DELETE CASCADE
);
CREATE INDEX short_url_aliases_file ON short_url_aliases (file_id);

-- Sites imported with `filehost migrate yetishare`: a run that finds its source here resumes.
CREATE TABLE legacy_imports (
    source VARCHAR(1000) PRIMARY KEY,
    started_at BIGINT NOT NULL,
    finished_at BIGINT
);
