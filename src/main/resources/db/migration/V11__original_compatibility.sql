-- What the original system keeps and filehost answers as it does (docs/api-compatibility.md).

-- Short URLs are stored: a new file's code may differ from base 62 of "1" + id when that code
-- equals another one but for case. Existing files keep the code they always had.
ALTER TABLE files ADD COLUMN short_url VARCHAR(255);
WITH RECURSIVE digits(id, n, code) AS (
    SELECT id, CAST('1' || id AS BIGINT), '' FROM files
    UNION ALL
    SELECT id, n / 62, substr('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', CAST(n % 62 AS INTEGER) + 1, 1) || code
    FROM digits WHERE n > 0
)
UPDATE files SET short_url = (SELECT d.code FROM digits d WHERE d.id = files.id AND d.n = 0);
CREATE UNIQUE INDEX files_short_url ON files (short_url);
-- Links are found in any case; codes of files older than this migration may differ only by case.
CREATE INDEX files_short_url_lower ON files (lower(short_url));

-- A file's own public flag, reported as isPublic; the folders above it still govern its pages.
ALTER TABLE files ADD COLUMN is_public INTEGER NOT NULL DEFAULT 1;

-- The folder's url hash: random, stable, and accepted by the folder's public URL.
ALTER TABLE folders ADD COLUMN url_hash CHAR(32);
UPDATE folders SET url_hash = ${random_hex32};
CREATE UNIQUE INDEX folders_url_hash ON folders (url_hash);

-- The day on which an address last counted as a download of a file: one count per address, file and day.
CREATE TABLE download_counts (
    file_id BIGINT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    ip VARCHAR(64) NOT NULL,
    day CHAR(10) NOT NULL,
    PRIMARY KEY (file_id, ip)
);
