-- Renames and copies keep the asked-for name even when the folder has it already (as the original
-- does); only uploads pick a free "name (n).ext", under a per-account lock instead of this index.
DROP INDEX files_active_name;
