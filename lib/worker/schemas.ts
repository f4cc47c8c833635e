import { z } from "zod";

/** Payloads come back from the jobs table: parsed like any other outside value. */
export const scrapeJobPayloadSchema = z.object({
  sourceId: z.number().int().positive(),
  /** The slot this scrape is for: a succeeded run started at or after it means the job is done. */
  dueAt: z.iso.datetime(),
});
export type ScrapeJobPayload = z.infer<typeof scrapeJobPayloadSchema>;

export const matchJobPayloadSchema = z.object({ runId: z.number().int().positive() });
export type MatchJobPayload = z.infer<typeof matchJobPayloadSchema>;
