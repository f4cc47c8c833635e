/**
 * Security headers on pages, the API and the feed, and the pages still working in Chromium under
 * the Content-Security-Policy (no violation reported, hydration and navigation intact).
 */
import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

const STATIC_HEADERS: Record<string, RegExp> = {
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "permissions-policy": /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
  "x-frame-options": /^DENY$/,
};

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function expectStrictPolicy(policy: string | undefined, where: string): string[] {
  expect(policy, `${where}: Content-Security-Policy`).toBeTruthy();
  const parsed = directives(policy!);
  const scripts = parsed.get("script-src") ?? parsed.get("default-src") ?? [];
  expect(scripts, where).not.toContain("'unsafe-inline'");
  expect(scripts, where).not.toContain("'unsafe-eval'");
  expect(parsed.get("frame-ancestors"), where).toEqual(["'none'"]);
  expect(parsed.get("object-src"), where).toEqual(["'none'"]);
  expect(parsed.get("base-uri"), where).toEqual(["'none'"]);
  return scripts;
}

function expectNonce(scripts: string[], where: string): string {
  const nonce = scripts.find((source) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(source));
  expect(nonce, `${where}: a nonce`).toBeTruthy();
  return nonce!;
}

/** CSP violations, console errors and page errors from the moment this is called. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content Security Policy|Refused to/i.test(message.text())) problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

async function firstPostingPath(page: Page): Promise<string> {
  await page.goto("/");
  const href = await page.getByTestId("posting").first().locator("h2 a").getAttribute("href");
  expect(href).toMatch(/^\/jobs\/\d+\//);
  return href!;
}

test.describe("security headers", () => {
  test("pages, the API and the feed carry the static headers and no X-Powered-By", async ({ page, request }) => {
    const paths = ["/", await firstPostingPath(page), "/role", "/sources", "/api/v1/postings", "/feed.xml", "/api/v1/openapi.json", "/api/health", "/no-such-page"];
    for (const path of paths) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
      const headers = response.headers();
      for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(headers[name], `${path}: ${name}`).toMatch(value);
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
  });

  test("every page response has a strict policy with a fresh nonce, and Next's scripts carry it", async ({ page, request }) => {
    const posting = await firstPostingPath(page);
    const nonces = new Set<string>();
    // A signed-in visitor's listing is rendered for them (the anonymous one is cached: see below).
    const session = { cookie: "mlradar.session=anything" };
    for (const path of ["/", posting, "/role", "/sources", "/sign-in", "/api/v1/postings", "/feed.xml"]) {
      for (let round = 0; round < 2; round++) {
        const response = await request.get(path, { headers: path === "/" ? session : {} });
        expect(response.headers()["x-mlradar-cache"], path).toBeUndefined();
        const nonce = expectNonce(expectStrictPolicy(response.headers()["content-security-policy"], path), path);
        expect(nonces.has(nonce), `${path}: nonce reused`).toBe(false);
        nonces.add(nonce);
        if (!path.startsWith("/api") && !path.endsWith(".xml")) {
          // Every script element is either JSON-LD data or carries this response's nonce.
          const html = await response.text();
          const value = nonce.slice("'nonce-".length, -1);
          for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
            if (/type="application\/ld\+json"/.test(tag)) continue;
            expect(tag, path).toContain(`nonce="${value}"`);
          }
        }
      }
    }
  });

  test("the anonymous listing is served from the page cache under a policy naming exactly the hashes of Next's inline scripts", async ({ request }) => {
    const path = "/?sort=newest&remote=remote";
    let policy: string | undefined;
    for (let round = 0; round < 2; round++) {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      if (round === 1) expect(response.headers()["x-mlradar-cache"]).toBe("HIT");
      const scripts = expectStrictPolicy(response.headers()["content-security-policy"], path);
      expect(scripts.some((source) => source.startsWith("'nonce-"))).toBe(false);
      const inline = [...(await response.text()).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/\bsrc=|application\/ld\+json/.test(attributes!));
      expect(inline.length).toBeGreaterThan(0);
      const hashes = inline.map(([, , body]) => `'sha256-${createHash("sha256").update(body!).digest("base64")}'`);
      expect(new Set(scripts.filter((source) => source.startsWith("'sha256-")))).toEqual(new Set(hashes));
      policy ??= response.headers()["content-security-policy"];
      expect(response.headers()["content-security-policy"]).toBe(policy);
      for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(response.headers()[name], name).toMatch(value);
    }
  });

  test("the pages work under the policy in Chromium: no violation, hydrated navigation, JSON-LD not reported", async ({ page }) => {
    const problems = watch(page);
    const posting = await firstPostingPath(page);
    for (const path of ["/", posting, "/role", "/sources", "/sign-in"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("load");
    }
    // A not-found rendered by a dynamic route carries the nonce too (Chromium logs the 404 status itself).
    for (const path of ["/companies/no-such-company", "/jobs/999999/nothing-here"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await page.waitForLoadState("load");
    }
    const notFoundStatus = /Failed to load resource: the server responded with a status of 404/;
    problems.splice(0, problems.length, ...problems.filter((problem) => !notFoundStatus.test(problem)));
    // The posting page has its JSON-LD block, and Chromium ran none of it.
    await page.goto(posting);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    // Hydration: a client-side navigation through next/link happens without a full reload.
    await page.goto("/");
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page.getByRole("link", { name: "The role" }).click();
    await page.waitForURL(/\/role$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(problems).toEqual([]);
  });

  for (const path of ["/role", "/"]) {
    test(`an injected inline script is refused by Chromium on ${path} (the policy is enforced, not only sent)`, async ({ page }) => {
      const problems = watch(page);
      // What a stored XSS would look like: markup added to our HTML, our headers (and policy) unchanged.
      await page.route((url) => url.pathname === path, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace("</body>", "<script>window.__injected = true</script><img src=x onerror=\"window.__injected = true\"></body>");
        await route.fulfill({ response, body: html });
      });
      await page.goto(path);
      await page.waitForLoadState("load");
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
      expect(problems.filter((problem) => /Content Security Policy/i.test(problem)).length).toBeGreaterThanOrEqual(2);
      // Next's own scripts still ran: the page hydrated and navigates on the client.
      await page.getByRole("link", { name: "Sources" }).click();
      await page.waitForURL(/\/sources$/);
    });
  }

  test("the site refuses to be framed", async ({ page }) => {
    await page.goto("/");
    const framed = await page.evaluate(async () => {
      const frame = document.createElement("iframe");
      frame.src = "/role";
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      try {
        return frame.contentDocument?.querySelector("h1")?.textContent ?? null;
      } catch {
        return null;
      }
    });
    expect(framed).toBeNull();
  });
});
