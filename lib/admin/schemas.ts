import { z } from "zod";
import { isValidSchedule } from "@/lib/worker/scrape-schedule";

export const sourceIdSchema = z.coerce.number().int().positive();

export const sourceToggleSchema = z.object({
  sourceId: sourceIdSchema,
  enabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});
export type SourceToggle = z.infer<typeof sourceToggleSchema>;

export const newSourceSchema = z.object({
  /** "<kind>:<token-or-url>", checked further by scrapers/source-spec.ts. */
  spec: z.string().trim().min(3, "enter <kind>:<token-or-url>").max(2_000),
  company: z
    .string()
    .trim()
    .max(200)
    .transform((value) => value || undefined),
  schedule: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || isValidSchedule(value), "must be a five-field cron expression, e.g. 0 */6 * * *"),
});
export type NewSource = z.infer<typeof newSourceSchema>;
