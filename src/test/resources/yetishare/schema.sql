-- The tables and columns of a YetiShare 5 / uCloud 2 database that `filehost migrate yetishare`
-- reads, with the original's types; the collation compares text without regard to case, as there.
CREATE TABLE user_level (
    id INT NOT NULL PRIMARY KEY,
    level_id INT NOT NULL,
    label VARCHAR(20) NOT NULL,
    can_upload INT(1) NOT NULL DEFAULT 1,
    wait_between_downloads INT NOT NULL DEFAULT 0,
    download_speed INT NOT NULL DEFAULT 0,
    max_storage_bytes BIGINT NOT NULL DEFAULT 0,
    show_site_adverts INT(1) NOT NULL DEFAULT 0,
    days_to_keep_inactive_files INT NOT NULL DEFAULT 0,
    days_to_keep_trashed_files INT NOT NULL DEFAULT 0,
    concurrent_uploads INT NOT NULL DEFAULT 0,
    concurrent_downloads INT NOT NULL DEFAULT 0,
    downloads_per_24_hours INT NOT NULL DEFAULT 0,
    max_download_filesize_allowed BIGINT NOT NULL DEFAULT 0,
    can_remote_download INT(1) NOT NULL DEFAULT 0,
    max_remote_download_urls INT NOT NULL DEFAULT 0,
    max_upload_size BIGINT NOT NULL DEFAULT 0,
    max_uploads_per_day BIGINT NOT NULL DEFAULT 0,
    accepted_file_types VARCHAR(255) NOT NULL DEFAULT '',
    blocked_file_types VARCHAR(255) NOT NULL DEFAULT '',
    delete_account_after_days INT NOT NULL DEFAULT 0,
    level_type ENUM('admin', 'free', 'paid', 'moderator', 'nonuser') NOT NULL DEFAULT 'free'
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE users (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(65) NOT NULL,
    password VARCHAR(100) NOT NULL,
    level_id INT NOT NULL DEFAULT 1,
    email VARCHAR(65),
    lastlogindate TIMESTAMP NULL,
    lastloginip VARCHAR(45),
    status ENUM('active', 'pending', 'disabled', 'suspended', 'awaiting approval') NOT NULL DEFAULT 'active',
    datecreated TIMESTAMP NULL,
    createdip VARCHAR(45),
    storageLimitOverride BIGINT NULL,
    isPublic INT(1) NOT NULL DEFAULT 1,
    apikey VARCHAR(32),
    title VARCHAR(10),
    firstname VARCHAR(150),
    lastname VARCHAR(150),
    languageId INT,
    paidExpiryDate TIMESTAMP NULL,
    login_2fa_enabled INT(1) NOT NULL DEFAULT 0,
    login_2fa_salt VARCHAR(255),
    UNIQUE KEY username (username)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE apiv2_api_key (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    key_public VARCHAR(64) NOT NULL,
    key_secret VARCHAR(64) NOT NULL,
    user_id INT NOT NULL,
    date_created DATETIME NOT NULL
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE file_server (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    serverLabel VARCHAR(64) NOT NULL,
    serverType VARCHAR(50) NOT NULL,
    storagePath VARCHAR(255),
    statusId INT NOT NULL DEFAULT 2
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE file_folder (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    userId INT NOT NULL,
    parentId INT NULL,
    folderName VARCHAR(255) NOT NULL,
    totalSize BIGINT NOT NULL DEFAULT 0,
    isPublic INT(1) NOT NULL DEFAULT 1,
    accessPassword VARCHAR(32),
    urlHash VARCHAR(32),
    status ENUM('active', 'trash', 'deleted') NOT NULL DEFAULT 'active',
    date_added DATETIME,
    date_updated DATETIME
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE file (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    originalFilename VARCHAR(255) NOT NULL,
    shortUrl VARCHAR(255),
    fileType VARCHAR(140),
    extension VARCHAR(10),
    fileSize BIGINT NOT NULL DEFAULT 0,
    localFilePath VARCHAR(255),
    userId INT NULL,
    uploadedUserId INT NULL,
    totalDownload INT NOT NULL DEFAULT 0,
    uploadedIP VARCHAR(45),
    uploadedDate TIMESTAMP NULL,
    status ENUM('active', 'trash', 'deleted') NOT NULL DEFAULT 'active',
    visits INT NOT NULL DEFAULT 0,
    lastAccessed TIMESTAMP NULL,
    deleteHash VARCHAR(32),
    folderId INT NULL,
    serverId INT NULL,
    accessPassword VARCHAR(32),
    fileHash VARCHAR(32),
    keywords VARCHAR(255),
    description VARCHAR(255),
    isPublic INT(1) NOT NULL DEFAULT 1,
    uploadSource ENUM('direct', 'remote', 'ftp', 'torrent', 'leech', 'webdav', 'api', 'fileimport', 'other')
        NOT NULL DEFAULT 'direct',
    unique_hash VARCHAR(64),
    date_updated DATETIME,
    linkedFileId INT NULL,
    UNIQUE KEY shortUrl (shortUrl)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stats (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    download_date DATETIME NOT NULL,
    file_id INT NOT NULL,
    ip VARCHAR(45),
    referer VARCHAR(255),
    country VARCHAR(2),
    browser_family VARCHAR(50),
    os VARCHAR(50),
    user_agent VARCHAR(255),
    user_id INT NULL
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
