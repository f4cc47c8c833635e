/**
 * Session cookie names and attributes. Over https the cookies carry the `__Host-` prefix (Secure,
 * Path=/, no Domain: only this exact host can set or read them). Browsers refuse Secure cookies
 * set over plain http, so on an http SITE_URL (local development, e2e, the embedded demo) the same
 * cookies go without prefix and without Secure; HttpOnly and SameSite=Lax hold either way.
 */
export interface CookiePolicy {
  secure: boolean;
  names: { session_token: string; session_data: string; dont_remember: string };
}

export function cookiePolicy(siteUrl: string): CookiePolicy {
  const secure = new URL(siteUrl).protocol === "https:";
  const prefix = secure ? "__Host-mlradar" : "mlradar";
  return {
    secure,
    names: {
      session_token: `${prefix}.session`,
      session_data: `${prefix}.session_data`,
      dont_remember: `${prefix}.dont_remember`,
    },
  };
}
