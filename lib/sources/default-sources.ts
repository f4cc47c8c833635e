import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { SourceKind } from "@/lib/generated/prisma/enums";

export const DEFAULT_SOURCES_FILE = path.resolve(process.cwd(), "data/default-sources.json");

const defaultSourcesSchema = z.object({
  reviewed: z.iso.date(),
  note: z.string(),
  sources: z
    .array(z.object({ kind: z.enum(SourceKind), token: z.string().min(1), company: z.string().min(1) }).strict())
    .min(1),
});

export type DefaultSource = z.infer<typeof defaultSourcesSchema>["sources"][number];

/** The reviewed list of boards in data/default-sources.json. */
export function readDefaultSources(file = DEFAULT_SOURCES_FILE): DefaultSource[] {
  const parsed = defaultSourcesSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data.sources;
}
