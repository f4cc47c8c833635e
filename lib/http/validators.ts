import { z } from "zod";

/** Validators of one URL, as its last 200 answer gave them. */
export const urlValidatorsSchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
});

/** url → validators; what ingest stores in Source.httpValidators (parse it with this schema when read back). */
export const validatorMapSchema = z.record(z.string(), urlValidatorsSchema);

export type UrlValidators = z.infer<typeof urlValidatorsSchema>;
export type ValidatorMap = z.infer<typeof validatorMapSchema>;

export function conditionalHeaders(known: UrlValidators | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (known?.etag) headers["if-none-match"] = known.etag;
  if (known?.lastModified) headers["if-modified-since"] = known.lastModified;
  return headers;
}

/** The validators a response carries; undefined when it has none (the stored ones are then stale). */
export function validatorsOf(headers: Record<string, string>): UrlValidators | undefined {
  const etag = headers["etag"];
  const lastModified = headers["last-modified"];
  if (etag === undefined && lastModified === undefined) return undefined;
  return { ...(etag !== undefined && { etag }), ...(lastModified !== undefined && { lastModified }) };
}
