-- A made-up later migration, for testing the upgrade path and the backup taken before it.
ALTER TABLE family ADD COLUMN test_column TEXT;
