-- The planner estimates how many postings match a word from the most common lexemes ANALYZE
-- keeps (10 per statistics target unit). With the default target only the few hundred most
-- common words are kept and every other word is guessed at half the rarest kept frequency, so at
-- 1,000,000 postings a word in 0.1% of them was planned as if it were in several percent: the
-- listing walked the newest-first index through 20,000 postings instead of reading its 1,000
-- matches from the full-text index. A larger target keeps thousands of lexemes.
ALTER TABLE "posting" ALTER COLUMN "search_vector" SET STATISTICS 500;
