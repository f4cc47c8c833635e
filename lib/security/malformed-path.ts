import { escapeHtml } from "@/lib/format";

/**
 * The first segment of a path whose %-escapes do not decode ("%ZZ", a cut UTF-8 sequence "%E0%A4%A"),
 * or null. Next.js answers such a path in a dynamic route with a bare 500 ("failed to decode param").
 */
export function malformedSegment(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

/** A 400 page saying what is wrong with the address, instead of a 500. */
export function malformedPathResponse(segment: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bad address · mlradar</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #0f172a">
<h1>This address cannot be read</h1>
<p>A part of it has a percent-escape that is not valid: <code>${escapeHtml(segment.slice(0, 100))}</code>. Check the link, or go to <a href="/">the open senior ML engineering roles</a>.</p>
</body></html>`;
  return new Response(html, {
    status: 400,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" },
  });
}
