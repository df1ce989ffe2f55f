-- A counter per account that every change of its files or folders moves on, in the same transaction
-- as the change: a node may keep a listing it built while the counter it read first is unchanged,
-- and a change made through any node, the CLI or by hand ends that at once. Triggers, so that no
-- write can forget it. Identity ids are never reused, so a counter belongs to one account.
CREATE TABLE account_changes (
    user_id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);

CREATE FUNCTION note_account_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO account_changes (user_id, version) VALUES (OLD.user_id, 1)
            ON CONFLICT (user_id) DO UPDATE SET version = account_changes.version + 1;
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.user_id <> OLD.user_id) THEN
        INSERT INTO account_changes (user_id, version) VALUES (NEW.user_id, 1)
            ON CONFLICT (user_id) DO UPDATE SET version = account_changes.version + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER files_change AFTER INSERT OR UPDATE OR DELETE ON files
    FOR EACH ROW EXECUTE FUNCTION note_account_change();
CREATE TRIGGER folders_change AFTER INSERT OR UPDATE OR DELETE ON folders
    FOR EACH ROW EXECUTE FUNCTION note_account_change();
