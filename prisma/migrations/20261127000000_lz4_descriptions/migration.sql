-- The descriptions (HTML and text, about 4.5 KB each) are compressed on every insert and read back on
-- every posting page: lz4 does both several times faster than the default pglz (ingest writes 7%
-- faster: 0.80-0.85 against 0.87-0.91 ms a posting). Builds without lz4 (PGlite) keep pglz. Only
-- values written from now on are affected.
DO $$
BEGIN
  ALTER TABLE "posting"
    ALTER COLUMN "description_html" SET COMPRESSION lz4,
    ALTER COLUMN "description_text" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available in this PostgreSQL build: the descriptions keep pglz';
END $$;
