import { ScrapeError } from "@/scrapers/types";

/** The URL a person pasted, or undefined when the input is a bare token. */
export function pastedUrl(input: string): URL | undefined {
  const text = input.trim();
  const looksLikeUrl = /^https?:\/\//i.test(text) || /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(text);
  if (!looksLikeUrl) return undefined;
  try {
    return new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
}

/**
 * Input with neither a scheme nor a slash ("Character.AI", "acme.io"): a board name with a dot
 * unless it names the board's own host. pastedUrl reads it as a domain, so a canonical token with a
 * dot would not survive being normalized again at scrape time.
 */
export function isBareName(input: string): boolean {
  const text = input.trim();
  return !/^https?:\/\//i.test(text) && !text.includes("/");
}

/** Non-empty path segments of a URL, percent-decoded. */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

export function badToken(board: string, input: string, expected: string): Error {
  return new Error(`${board}: cannot read a board token from "${input.trim()}" (expected ${expected})`);
}

/** normalizeToken at scrape time: a stored token that no longer reads is a configuration error. */
export function scrapeToken(normalize: (input: string) => string, token: string): string {
  try {
    return normalize(token);
  } catch (error) {
    throw new ScrapeError(error instanceof Error ? error.message : String(error), "fatal", { cause: error });
  }
}
