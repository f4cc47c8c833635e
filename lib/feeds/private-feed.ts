import { signToken } from "@/lib/security/signed-token";

/** The private Atom feed of one saved search; the token is bound to that search and cannot be reused for another. */
export function privateFeedUrl(searchId: string, siteUrl: string, secret: string): string {
  return new URL(`/feeds/${signToken("feed", searchId, secret)}`, siteUrl).toString();
}
