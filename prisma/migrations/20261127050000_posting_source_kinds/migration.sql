-- The boards that list a posting, beside it: the facet panel counted them by looking up each of up to
-- 10,001 matches in sighting (10-18 ms of a 40-75 ms panel at a million postings, bench search), and the
-- source filter probed sighting for every candidate row. Triggers keep the column equal to the kinds of
-- the posting's sightings, whichever code writes them.
ALTER TABLE "posting" ADD COLUMN "source_kinds" "SourceKind"[] DEFAULT ARRAY[]::"SourceKind"[];

UPDATE "posting" p SET "source_kinds" = k.kinds
FROM (SELECT s.posting_id, array_agg(DISTINCT src.kind ORDER BY src.kind) AS kinds
      FROM "sighting" s JOIN "source" src ON src.id = s.source_id GROUP BY s.posting_id) k
WHERE p.id = k.posting_id;

-- Sets source_kinds of the given postings from their sightings, writing only rows that change.
CREATE FUNCTION "mlradar_sync_source_kinds"(posting_ids int[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "posting" p SET "source_kinds" = k.kinds
  FROM (SELECT ids.id, ARRAY(SELECT DISTINCT src.kind FROM "sighting" s JOIN "source" src ON src.id = s.source_id
                             WHERE s.posting_id = ids.id ORDER BY 1) AS kinds
        FROM unnest(posting_ids) AS ids(id)) k
  WHERE p.id = k.id AND p."source_kinds" IS DISTINCT FROM k.kinds
$$;

CREATE FUNCTION "mlradar_sighting_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mlradar_sync_source_kinds"(ARRAY(SELECT DISTINCT posting_id FROM added));
  RETURN NULL;
END $$;

CREATE FUNCTION "mlradar_sighting_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mlradar_sync_source_kinds"(ARRAY(SELECT DISTINCT posting_id FROM removed));
  RETURN NULL;
END $$;

CREATE FUNCTION "mlradar_sighting_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mlradar_sync_source_kinds"(ARRAY[OLD.posting_id, NEW.posting_id]);
  RETURN NULL;
END $$;

CREATE FUNCTION "mlradar_source_kind_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mlradar_sync_source_kinds"(ARRAY(SELECT DISTINCT posting_id FROM "sighting" WHERE source_id = NEW.id));
  RETURN NULL;
END $$;

-- Statement triggers see a run's whole batch at once; a run's upsert updates every sighting it saw,
-- so updates are checked row by row and only a moved sighting calls the function.
CREATE TRIGGER "sighting_source_kinds_insert" AFTER INSERT ON "sighting"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "mlradar_sighting_added"();
CREATE TRIGGER "sighting_source_kinds_delete" AFTER DELETE ON "sighting"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "mlradar_sighting_removed"();
CREATE TRIGGER "sighting_source_kinds_update" AFTER UPDATE OF posting_id, source_id ON "sighting"
  FOR EACH ROW WHEN (OLD.posting_id IS DISTINCT FROM NEW.posting_id OR OLD.source_id IS DISTINCT FROM NEW.source_id)
  EXECUTE FUNCTION "mlradar_sighting_moved"();
CREATE TRIGGER "source_source_kinds_update" AFTER UPDATE OF kind ON "source"
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION "mlradar_source_kind_changed"();

-- The facet panel's index-only sample without words now counts boards too.
DROP INDEX "posting_open_fit_facets_idx";
CREATE INDEX "posting_open_fit_facets_idx" ON "posting"("level", "remote", "family")
  INCLUDE ("id", "skills", "company_id", "salary_min_usd", "salary_max_usd", "sort_at", "countries", "remote_regions", "tz_min_offset", "tz_max_offset", "source_kinds")
  WHERE "closed_at" IS NULL AND "fit";
