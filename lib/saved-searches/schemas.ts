import { z } from "zod";
import { isValidTimeZone } from "@/lib/alerts/windows";

export const FREQUENCIES = ["instant", "daily", "weekly"] as const;
/** A person does not need more; the cap keeps one account from loading the matcher. */
export const MAX_SAVED_SEARCHES = 50;
/** Searches one account may save per hour (creating and deleting in a loop would otherwise be free). */
export const SAVES_PER_USER_PER_HOUR = 20;

export const savedSearchNameSchema = z.string().trim().min(1, "give the search a name").max(100);
export const frequencySchema = z.enum(FREQUENCIES);
export const sendHourSchema = z.coerce.number().int().min(0).max(23);
export const timeZoneSchema = z.string().trim().max(64).refine(isValidTimeZone, "is not a known time zone");

/** The saved search form: the filters arrive as the listing's query string and are parsed by the listing's own parser. */
export const savedSearchFormSchema = z.object({
  name: savedSearchNameSchema,
  frequency: frequencySchema,
  sendHour: sendHourSchema.default(8),
  query: z.string().max(4000).default(""),
  timeZone: timeZoneSchema.optional().catch(undefined),
});

export const savedSearchUpdateSchema = z
  .object({
    name: savedSearchNameSchema,
    frequency: frequencySchema,
    sendHour: sendHourSchema,
  })
  .partial();

export type SavedSearchUpdate = z.infer<typeof savedSearchUpdateSchema>;
export type Frequency = z.infer<typeof frequencySchema>;
