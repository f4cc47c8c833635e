import { NextResponse, type NextRequest } from "next/server";
import { cookiePolicy } from "@/lib/auth/cookies";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce } from "@/lib/security/headers";
import { malformedPathResponse, malformedSegment } from "@/lib/security/malformed-path";
import { isCacheable, PageCache } from "@/lib/security/page-cache";

const pageCache = env().PAGE_CACHE_ORIGIN ? new PageCache(env().PAGE_CACHE_ORIGIN!) : null;
const sessionCookie = cookiePolicy(env().SITE_URL).names.session_token;

/**
 * An anonymous visitor's listing comes from the page cache (lib/security/page-cache.ts). Every
 * other page gets its own nonce: set on the request, Next.js reads it from the
 * Content-Security-Policy header while rendering and puts it on its scripts; set on the response,
 * the browser runs only those. (The other security headers come from next.config.ts.) A path that
 * does not decode gets a 400 saying so.
 */
export async function proxy(request: NextRequest) {
  const malformed = malformedSegment(request.nextUrl.pathname);
  if (malformed !== null) return malformedPathResponse(malformed);
  if (pageCache && isCacheable(request, sessionCookie)) {
    try {
      return await pageCache.respond(request.nextUrl.pathname, request.nextUrl.search);
    } catch (error) {
      // The render through PAGE_CACHE_ORIGIN failed (a wrong origin, say): this visitor's page is rendered as a signed-in one is.
      console.error(`page cache: ${request.nextUrl.pathname}${request.nextUrl.search}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Not for static files (no script runs from them) nor router prefetches (data, rendered again on navigation).
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
