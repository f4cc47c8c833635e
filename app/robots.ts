import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

// SITE_URL is read when served, not when built.
export const dynamic = "force-dynamic";

/** GET /robots.txt: crawl the public pages, not accounts, one-time links or the API. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/account", "/admin", "/alerts/", "/api/", "/dev/", "/sign-in", "/unsubscribe"] },
    sitemap: new URL("/sitemap.xml", env().SITE_URL).toString(),
  };
}
