-- Sites imported with `filehost migrate yetishare`: a run that finds its source here resumes.
CREATE TABLE legacy_imports (
    source VARCHAR(1000) PRIMARY KEY,
    started_at BIGINT NOT NULL,
    finished_at BIGINT
);
