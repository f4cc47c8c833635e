-- The default listing (open postings that fit, newest first) walks this index without skipping
-- closed or non-fitting rows.
-- CreateIndex
CREATE INDEX "posting_open_fit_sort_at_id_idx" ON "posting"("sort_at" DESC, "id" DESC) WHERE "closed_at" IS NULL AND "fit";

-- "Highest salary first" orders by COALESCE(salary_max_usd, salary_min_usd, -1): an expression
-- index in that order lets the salary sort walk an index instead of sorting every match.
-- CreateIndex
CREATE INDEX "posting_open_salary_sort_idx" ON "posting"((COALESCE("salary_max_usd", "salary_min_usd", -1)) DESC, "id" DESC) WHERE "closed_at" IS NULL;

-- One GIN index over the scalar filter columns and the skills array, so level + remote + family +
-- skills filters are intersected inside one index scan (and with the full-text index) before any
-- row is read. Scalars in GIN need btree_gin: Debian's PostgreSQL ships it, PGlite does not; where
-- it is missing (or may not be created) the index is skipped and the same queries run without it.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gin') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS btree_gin;
      CREATE INDEX "posting_open_filters_idx" ON "posting" USING GIN ("level", "remote", "family", "skills") WHERE "closed_at" IS NULL;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'btree_gin could not be created: posting_open_filters_idx skipped';
    END;
  END IF;
END $$;
