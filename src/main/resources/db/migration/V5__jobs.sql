-- The trash purge finds its files without reading every row.
CREATE INDEX files_trashed ON files (trashed_at) WHERE status = 'trash';
