import { describe, expect, it } from "vitest";
import { allowedOriginsFor, crossSiteReason, refuseCrossSite } from "@/lib/security/cross-site";

const SITE = "https://mlradar.example";
const allowed = allowedOriginsFor(`${SITE}/x`, SITE);

describe("cross-site POST refusal", () => {
  it("refuses another site's Origin, Origin: null and cross-site fetch metadata", () => {
    expect(crossSiteReason(new Headers({ origin: "https://evil.example" }), allowed)).toMatch(/another site/);
    expect(crossSiteReason(new Headers({ origin: "null" }), allowed)).toMatch(/null/);
    expect(crossSiteReason(new Headers({ "sec-fetch-site": "cross-site" }), allowed)).toMatch(/cross-site/);
    expect(crossSiteReason(new Headers({ "sec-fetch-site": "same-site" }), allowed)).toMatch(/same-site/);
    expect(crossSiteReason(new Headers({ origin: "http://mlradar.example" }), allowed)).not.toBeNull();
  });

  it("lets same-origin forms and non-browser clients through", () => {
    expect(crossSiteReason(new Headers({ origin: SITE, "sec-fetch-site": "same-origin" }), allowed)).toBeNull();
    expect(crossSiteReason(new Headers({}), allowed)).toBeNull();
    expect(crossSiteReason(new Headers({ "sec-fetch-site": "none" }), allowed)).toBeNull();
  });

  it("accepts the origin the request was actually sent to (127.0.0.1 while SITE_URL says localhost)", () => {
    const request = new Request("http://127.0.0.1:3000/account/searches/create", { method: "POST", headers: { origin: "http://127.0.0.1:3000" } });
    expect(refuseCrossSite(request, "http://localhost:3000")).toBeNull();
    const forged = new Request("http://127.0.0.1:3000/account/searches/create", { method: "POST", headers: { origin: "http://localhost:4000" } });
    expect(refuseCrossSite(forged, "http://localhost:3000")?.status).toBe(403);
  });
});
