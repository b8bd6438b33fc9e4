-- 0000: the migrations runner's own ledger. The runner executes this script before reading the
-- ledger on every run (hence IF NOT EXISTS), then records it like any other migration.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     bigint NOT NULL PRIMARY KEY,
    name        text   NOT NULL,
    checksum    text   NOT NULL,   -- SHA-256 (hex) of the script with LF line endings
    applied_at  bigint NOT NULL    -- UTC unix milliseconds
);
