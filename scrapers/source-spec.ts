import { assertPublicUrl } from "@/lib/http";
import { env } from "@/lib/env";
import { getScraper, hasScraper, scraperKinds } from "./registry";
import type { SourceKind } from "./types";

export interface SourceSpec {
  kind: SourceKind;
  token: string;
}

/**
 * Parse "<kind>:<token-or-url>" as a person types it: the kind must have a scraper, the token is
 * canonicalized by that scraper, and a URL must point at a public address (the SSRF guard).
 */
export async function parseSourceSpec(input: string): Promise<SourceSpec> {
  const colon = input.indexOf(":");
  if (colon <= 0) throw new Error(`"${input}" is not <kind>:<token-or-url> (kinds: ${scraperKinds.join(", ")})`);
  const kind = input.slice(0, colon).trim().toLowerCase();
  const rest = input.slice(colon + 1).trim();
  if (!hasScraper(kind)) throw new Error(`unknown board kind "${kind}" (kinds: ${scraperKinds.join(", ")})`);
  if (!rest) throw new Error(`missing the board token or URL after "${kind}:"`);
  const token = getScraper(kind).normalizeToken(rest);
  if (/^https?:\/\//i.test(token)) {
    await assertPublicUrl(token, { allowPrivateHosts: env().HTTP_ALLOW_PRIVATE_HOSTS });
  }
  return { kind, token };
}
