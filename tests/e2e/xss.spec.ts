/**
 * The XSS corpus through the real import path into the running app, then every place it shows up
 * opened in Chromium: the listing searched for each payload, each posting page (description,
 * title, company, location, JSON-LD), the company pages, the Atom feed and the JSON API. Each
 * payload would set window.__xss or open a dialog if it ever ran.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { XSS_CASES } from "../fixtures/xss-corpus";
import { readE2eState } from "./mail-capture";

const port = process.env.E2E_PORT ?? "3100";
/** A word no demo posting has, to find the corpus postings again. */
const MARKER = "Xsscanary";
const run = promisify(execFile);

interface ApiPosting {
  id: number;
  title: string;
  url: string;
  company: { name: string; slug: string };
}

/** A Greenhouse board whose every job carries one payload in its title, company, location and description. */
function corpusBoard(): string {
  return JSON.stringify({
    jobs: XSS_CASES.map(({ payload }, index) => ({
      id: 990_000 + index,
      // The index keeps look-alike payloads from folding into one dedup key.
      title: `Senior Machine Learning Engineer ${MARKER} ${index} ${payload}`,
      company_name: `${MARKER} Labs ${index} ${payload}`,
      absolute_url: `https://job-boards.greenhouse.io/xsscorpus/jobs/${990_000 + index}`,
      location: { name: `Berlin, Germany | ${payload}` },
      // Half as Greenhouse sends content (entity-escaped once), half as raw HTML.
      content:
        index % 2
          ? `<p>Build models with PyTorch.</p>${payload}<p>Salary ${payload}</p>`
          : `&lt;p&gt;Build models with PyTorch.&lt;/p&gt;${payload.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}`,
      updated_at: "2026-11-20T10:00:00Z",
      first_published: "2026-11-20T10:00:00Z",
      metadata: [{ name: "Location Type", value: payload }],
    })),
  });
}

/** Every sign that injected code ran or tried to: dialogs, page errors, console errors (CSP reports included). */
function watch(page: Page): string[] {
  const incidents: string[] = [];
  page.on("dialog", (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => incidents.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") incidents.push(`console error: ${message.text()}`);
  });
  return incidents;
}

/** After a page settled: nothing ran, and nothing in the DOM could run later. */
async function expectNothingInjected(page: Page, where: string): Promise<void> {
  // Image errors and other event handlers fire after load; give them a moment.
  await page.waitForLoadState("load");
  await page.waitForTimeout(150);
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) problems.push("window.__xss was set");
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) problems.push(`<${element.localName} ${attribute.name}>`);
        if (/^(href|src|action|formaction|xlink:href|data)$/i.test(attribute.name) && /^\s*(javascript|vbscript|data):/i.test(attribute.value)) {
          problems.push(`<${element.localName} ${attribute.name}="${attribute.value.slice(0, 40)}">`);
        }
      }
    }
    for (const script of Array.from(document.querySelectorAll("script"))) {
      // Next's own scripts carry the response's nonce (or a src on our origin); JSON-LD is data.
      const type = script.getAttribute("type");
      if (type === "application/ld+json") continue;
      if (!script.nonce && !(script.src && new URL(script.src).origin === location.origin)) problems.push(`script without nonce: ${script.outerHTML.slice(0, 80)}`);
    }
    for (const tag of ["iframe", "object", "embed", "base", "form[action^='javascript']", "svg script", "math"]) {
      if (document.querySelector(tag)) problems.push(`found ${tag}`);
    }
    return problems;
  });
  expect(found, where).toEqual([]);
}

test.describe("the XSS corpus in every field, through import, in Chromium", () => {
  test.describe.configure({ timeout: 600_000 });
  let postings: ApiPosting[] = [];

  test.beforeAll(async ({ request }) => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlradar-xss-"));
    const file = path.join(dir, "xsscorpus.json");
    writeFileSync(file, corpusBoard());
    const { databaseUrl } = readE2eState(port);
    try {
      await run("npx", ["tsx", "scrapers/cli.ts", "import", "--kind", "greenhouse", file], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        timeout: 300_000,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Every corpus posting is a senior ML role, so the default listing and the API find them.
    for (let next: string | null = `/api/v1/postings?q=${MARKER}&adjacent=1`; next; ) {
      const response = await request.get(next);
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { data: ApiPosting[]; next: string | null };
      postings.push(...body.data);
      next = body.next ? new URL(body.next).pathname + new URL(body.next).search : null;
    }
    postings = postings.filter((posting) => posting.title.includes(MARKER));
  });

  test("the API returns every payload as plain JSON text, as written", async ({ request }) => {
    expect(postings.length).toBe(XSS_CASES.length);
    const response = await request.get(`/api/v1/postings?q=${MARKER}`);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    const titles = new Set(postings.map((posting) => posting.title));
    // Titles are text: entities decoded and whitespace collapsed, the markup itself kept verbatim.
    XSS_CASES.forEach(({ payload }, index) => {
      if (payload.includes("&")) return;
      expect(titles, payload).toContain(`Senior Machine Learning Engineer ${MARKER} ${index} ${payload}`.replace(/\s+/g, " ").trim().slice(0, 300));
    });
  });

  test("the listing, searched for each payload, shows it as text", async ({ page }) => {
    const incidents = watch(page);
    for (const { kind, payload } of XSS_CASES) {
      const response = await page.goto(`/?q=${encodeURIComponent(payload)}&adjacent=1`);
      expect(response?.status(), payload).toBe(200);
      await expectNothingInjected(page, `listing q (${kind}) ${payload}`);
    }
    await page.goto(`/?q=${MARKER}`);
    await expect(page.getByTestId("posting").first()).toContainText(MARKER);
    await expectNothingInjected(page, "listing of the corpus postings");
    expect(incidents).toEqual([]);
  });

  test("each posting page: title, company, location, description and JSON-LD stay inert", async ({ browser }) => {
    const context = await browser.newContext();
    const pages = await Promise.all([0, 1, 2].map(() => context.newPage()));
    const incidents = pages.flatMap((page) => watch(page));
    const queue = [...postings];
    await Promise.all(
      pages.map(async (page) => {
        for (let posting = queue.shift(); posting; posting = queue.shift()) {
          const response = await page.goto(new URL(posting.url).pathname);
          expect(response?.status(), posting.url).toBe(200);
          await expect(page.getByRole("heading", { level: 1 })).toContainText(MARKER);
          await expectNothingInjected(page, posting.url);
          // The JSON-LD block is one script element holding valid JSON with the title as given.
          const blocks = page.locator('script[type="application/ld+json"]');
          expect(await blocks.count(), posting.url).toBe(1);
          const jsonLd = JSON.parse((await blocks.textContent()) ?? "") as { title: string; hiringOrganization: { name: string } };
          expect(jsonLd.title).toBe(posting.title);
          expect(jsonLd.hiringOrganization.name).toBe(posting.company.name);
        }
      }),
    );
    await context.close();
    expect(incidents).toEqual([]);
  });

  test("company pages of the corpus companies stay inert", async ({ page }) => {
    const incidents = watch(page);
    for (const slug of [...new Set(postings.map((posting) => posting.company.slug))].slice(0, 30)) {
      const response = await page.goto(`/companies/${slug}`);
      expect(response?.status(), slug).toBe(200);
      await expectNothingInjected(page, `/companies/${slug}`);
    }
    expect(incidents).toEqual([]);
  });

  test("the Atom feed is well-formed XML and nothing in it runs when Chromium opens it", async ({ page, request }) => {
    const incidents = watch(page);
    const response = await request.get(`/feed.xml?q=${MARKER}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
    const xml = await response.text();
    expect(xml).toContain(MARKER);
    // No element but Atom's own: the payloads are escaped text inside it.
    expect(xml).not.toMatch(/<(?:script|img|svg|iframe|a|p)\b/i);
    await page.goto(`/feed.xml?q=${MARKER}`);
    expect(await page.locator("parsererror").count()).toBe(0);
    await expectNothingInjected(page, "/feed.xml");
    expect(incidents).toEqual([]);
  });
});
