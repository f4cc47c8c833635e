/**
 * The security headers of every response. The Content-Security-Policy is per request (proxy.ts):
 * Next.js reads the nonce out of it while rendering and puts it on its own inline and bundle
 * scripts, so scripts need no 'unsafe-inline'. The rest are the same for every response
 * (next.config.ts), static files included.
 */

/** Headers every response carries. */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Nothing on the site uses these; deny them to the page and to anything it might embed.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=(), browsing-topics=()" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** A fresh random nonce for one response (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one response. Scripts: only those carrying this response's nonce, and what they
 * load ('strict-dynamic'); a JSON-LD block is data, not script, so it needs none.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  const script = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  // React's development build evaluates code for its error overlays; production never does.
  if (options.development) script.push("'unsafe-eval'");
  return policyWithScripts(script);
}

/**
 * The policy with these script sources. Styles allow inline ones: server-rendered style attributes
 * (charts, the unsubscribe page) cannot carry a nonce, and CSS cannot run script in today's
 * browsers. Nothing may frame the site.
 */
export function policyWithScripts(scriptSources: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
