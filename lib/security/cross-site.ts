/**
 * CSRF defence for every mutation: a POST is refused when the browser says it comes from another
 * site. Requests without Origin and without Fetch Metadata are not from a browser form of another
 * site (curl, a mail provider's one-click unsubscribe) and pass.
 */
export function crossSiteReason(headers: Headers, allowedOrigins: readonly string[]): string | null {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return "Origin: null";
    return allowedOrigins.includes(origin) ? null : `Origin ${origin} is another site`;
  }
  const site = headers.get("sec-fetch-site");
  // "same-site" is refused too: a sibling subdomain is not this application.
  if (site === "cross-site" || site === "same-site") return `Sec-Fetch-Site: ${site}`;
  return null;
}

/** The origins a same-site form may post from: the configured site, and the host the request was sent to. */
export function allowedOriginsFor(requestUrl: string, siteUrl: string): string[] {
  return [...new Set([new URL(siteUrl).origin, new URL(requestUrl).origin])];
}

/** 403 for a cross-site POST, or null when the request may proceed. */
export function refuseCrossSite(request: Request, siteUrl: string): Response | null {
  const reason = crossSiteReason(request.headers, allowedOriginsFor(request.url, siteUrl));
  if (!reason) return null;
  return new Response(`Cross-site request refused (${reason}).\n`, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
