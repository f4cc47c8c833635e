-- What a posting says about sponsoring a work visa (lib/normalize/visa.ts): true, false, or NULL
-- when it does not say.
ALTER TABLE "posting" ADD COLUMN "sponsors_visa" BOOLEAN;

-- Postings stored before this column have it unread: a changed hash makes the next run that still
-- lists one normalize it again (ingest rewrites a posting whose hash differs).
UPDATE "posting" SET "content_hash" = 'visa:' || "content_hash"
WHERE "closed_at" IS NULL AND "description_text" ILIKE '%sponsor%';

-- The facet panel's index-only sample without words counts and filters it too.
DROP INDEX "posting_open_fit_facets_idx";
CREATE INDEX "posting_open_fit_facets_idx" ON "posting"("level", "remote", "family")
  INCLUDE ("id", "skills", "company_id", "salary_min_usd", "salary_max_usd", "sort_at", "countries", "remote_regions", "tz_min_offset", "tz_max_offset", "source_kinds", "sponsors_visa")
  WHERE "closed_at" IS NULL AND "fit";
