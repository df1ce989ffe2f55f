-- A counter per account that every change of its files or folders moves on, in the same transaction
-- as the change: a node may keep a listing it built while the counter it read first is unchanged,
-- and a change made through any node, the CLI or by hand ends that at once. Triggers, so that no
-- write can forget it. Ids are never reused (AUTOINCREMENT), so a counter belongs to one account.
CREATE TABLE account_changes (
    user_id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);

CREATE TRIGGER files_inserted_change AFTER INSERT ON files BEGIN
    INSERT INTO account_changes (user_id, version) VALUES (NEW.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER files_updated_change AFTER UPDATE ON files BEGIN
    INSERT INTO account_changes (user_id, version) VALUES (OLD.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
    INSERT INTO account_changes (user_id, version) VALUES (NEW.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER files_deleted_change AFTER DELETE ON files BEGIN
    INSERT INTO account_changes (user_id, version) VALUES (OLD.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER folders_inserted_change AFTER INSERT ON folders BEGIN
    INSERT INTO account_changes (user_id, version) VALUES (NEW.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER folders_updated_change AFTER UPDATE ON folders BEGIN
    INSERT INTO account_changes (user_id, version) VALUES (OLD.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
    INSERT INTO account_changes (user_id, version) VALUES (NEW.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER folders_deleted_change AFTER DELETE ON folders BEGIN
    INSERT INTO account_changes (user_id, version) VALUES (OLD.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = version + 1;
END;
