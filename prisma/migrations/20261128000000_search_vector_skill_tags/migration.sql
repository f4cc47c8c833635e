-- Each skill a posting is tagged with, as a lexeme no text can produce ('#go': the parser never keeps a
-- leading '#'), weight B at one position so that "where it matches" and relevance see it as a skill.
-- A search word naming a skill whose id is an everyday word ("golang" for go, "pyspark" for spark) can
-- then match the tag without matching the verb "go" in every description, and the word index answers
-- it exactly (a weight-restricted 'go':B made PostgreSQL recheck every match: 350 ms for a facet panel
-- at a million postings). Skill ids are lower-case letters, digits and hyphens.
CREATE FUNCTION "mlradar_skill_tags"(TEXT[]) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(string_agg(quote_literal('#' || s::text) || ':1B', ' '), '')::tsvector FROM unnest($1) AS s WHERE s <> '' $$;

-- PostgreSQL 15 cannot change a generated column's expression: the column is rebuilt, and with it the
-- indexes this database has on it (the combined one exists only where btree_gin does).
DO $$
DECLARE
  definitions TEXT[];
  definition TEXT;
BEGIN
  SELECT coalesce(array_agg(indexdef), '{}') INTO definitions FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = 'posting' AND indexdef LIKE '%search_vector%';
  ALTER TABLE "posting" DROP COLUMN "search_vector";
  ALTER TABLE "posting" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
      setweight(to_tsvector('english'::regconfig, coalesce("company_name", '')), 'B') ||
      setweight(to_tsvector('english'::regconfig, "mlradar_join_skills"("skills")), 'B') ||
      "mlradar_skill_tags"("skills") ||
      setweight(to_tsvector('english'::regconfig, left("description_text", 100000)), 'D')
  ) STORED;
  ALTER TABLE "posting" ALTER COLUMN "search_vector" SET STATISTICS 500;
  FOREACH definition IN ARRAY definitions LOOP
    EXECUTE definition;
  END LOOP;
END $$;

-- The rebuilt column has no statistics until analyzed, and without them every word is planned as rare.
ANALYZE "posting";
