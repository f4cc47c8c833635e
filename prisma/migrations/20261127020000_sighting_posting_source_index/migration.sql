-- The facet panel counts boards over up to 10,000 matching postings. With the board's source beside the
-- posting in the index, those counts are an index-only scan instead of 10,000 heap visits: the board
-- facet over a broad match went from 44 to 17 ms at a million postings. It still serves posting_id lookups.
DROP INDEX "sighting_posting_id_idx";
CREATE INDEX "sighting_posting_id_source_id_idx" ON "sighting"("posting_id", "source_id");
