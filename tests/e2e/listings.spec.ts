import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { expect, test } from "@playwright/test";
import { formatSalaryUsd } from "@/lib/format";
import { apiPostingSchema } from "@/lib/search/api-shape";
import { collectPageErrors, seriousAxeViolations, xmlTexts } from "./helpers";
import { readE2eState } from "./mail-capture";

const port = process.env.E2E_PORT ?? "3100";
const require = createRequire(import.meta.url);

test("the listing filters without JavaScript-only controls, paginates and opens a posting", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto("/");
  const total = Number(await page.getByTestId("total").innerText().then((t) => t.split(" ")[0]));
  expect(total).toBeGreaterThan(10);

  await page.getByRole("checkbox", { name: "Staff", exact: true }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/level=staff/);
  const staff = Number(await page.getByTestId("total").innerText().then((t) => t.split(" ")[0]));
  expect(staff).toBeGreaterThan(0);
  expect(staff).toBeLessThan(total);
  for (const card of await page.getByTestId("posting").all()) await expect(card).toContainText("Staff");

  await page.goto("/");
  const links = () => page.getByTestId("posting").locator("h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const firstPage = await links();
  await page.getByRole("link", { name: "Next page →" }).click();
  await page.waitForURL(/cursor=/);
  const secondPage = await links();
  expect(secondPage.length).toBeGreaterThan(0);
  // Keyset pages never repeat a posting (other specs may add postings meanwhile, so totals can move).
  expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);

  await page.goto("/");
  await page.getByTestId("posting").first().locator("h2 a").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("fit-reasons")).toBeVisible();
  const apply = page.getByTestId("apply-link");
  await expect(apply).toHaveAttribute("rel", /nofollow/);
  await expect(apply).toHaveAttribute("rel", /noopener/);
  expect(await apply.getAttribute("href")).toMatch(/^https:\/\//);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd["@type"]).toBe("JobPosting");
  expect(errors).toEqual([]);
});

test("the visa filter keeps the postings that say they sponsor, each of whose pages quotes where it says so", async ({ page }) => {
  await page.goto("/");
  const offered = Number(await page.locator("label[for=visa] + .facet-count").innerText());
  expect(offered).toBeGreaterThan(0);
  await page.getByRole("checkbox", { name: "Sponsors visas" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/visa=1/);
  await expect(page.getByTestId("total")).toContainText(`${offered} open posting`);
  await expect(page.getByRole("link", { name: /Sponsors visas/ })).toBeVisible();
  const cards = page.getByTestId("posting");
  for (const card of await cards.all()) await expect(card).toContainText("Sponsors visas");

  await cards.first().locator("h2 a").click();
  await expect(page.getByTestId("visa")).toContainText(/^Offered“.*sponsor.*”$/i);
});

test("the filters in use show above the results, each a link that takes one value off", async ({ page }) => {
  const errors = collectPageErrors(page);
  const total = async () => Number((await page.getByTestId("total").innerText()).split(" ")[0]);
  await page.goto("/");
  await expect(page.getByTestId("active-filters")).toHaveCount(0);
  const all = await total();

  await expect(page).toHaveTitle("Senior ML engineering roles · mlradar");
  await page.goto("/?level=staff&remote=remote&remote=hybrid");
  // The tab names the search too.
  await expect(page).toHaveTitle("Remote · Hybrid · Staff — Senior ML engineering roles · mlradar");
  const chips = page.getByTestId("active-filters");
  // In the form's order; the × is for the eye, "(remove)" for a screen reader.
  await expect(chips.getByRole("listitem")).toHaveText([/^Remote/, /^Hybrid/, /^Staff/]);
  for (const name of ["Remote", "Hybrid", "Staff"]) await expect(chips.getByRole("link", { name: `${name} (remove)`, exact: true })).toBeVisible();
  const both = await total();

  await chips.getByRole("link", { name: "Remote (remove)" }).click();
  await expect(page).toHaveURL(/\/\?remote=hybrid&level=staff$/);
  await expect(page.getByRole("checkbox", { name: "Remote", exact: true })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Hybrid", exact: true })).toBeChecked();
  const hybrid = await total();
  expect(hybrid).toBeGreaterThan(0);
  expect(hybrid).toBeLessThan(both);
  for (const card of await page.getByTestId("posting").all()) await expect(card).toContainText("Hybrid");

  await page.getByTestId("active-filters").getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("active-filters")).toHaveCount(0);
  expect(await total()).toBe(all);
  expect(errors).toEqual([]);
});

test("a remote posting's JSON-LD names the countries it is open to, regions spelled out as countries", async ({ page, request }) => {
  const { data } = (await (await request.get("/api/v1/postings?remote=remote&adjacent=1")).json()) as { data: unknown[] };
  const remote = data.map((item) => apiPostingSchema.parse(item)).filter((p) => p.remoteRegions.length > 0 && !p.remoteRegions.includes("WORLDWIDE"));
  expect(remote.length).toBeGreaterThan(0);
  for (const posting of remote) {
    await page.goto(new URL(posting.url).pathname);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd.jobLocationType).toBe("TELECOMMUTE");
    const names: string[] = jsonLd.applicantLocationRequirements.map((c: { "@type": string; name: string }) => c.name);
    expect(names.length, posting.url).toBeGreaterThan(0);
    // Country names, never a code: "NA" would read as Namibia, and "EU" is no country.
    for (const name of names) expect(name, `${posting.url}: ${posting.remoteRegions.join(",")}`).toMatch(/^\p{Lu}\p{Ll}/u);
    if (posting.remoteRegions.includes("NA")) expect(names).toEqual(expect.arrayContaining(["United States", "Canada"]));
  }
});

test("the salary field takes an amount as a person types it, and the form submits any amount", async ({ page }) => {
  await page.goto("/");
  const field = page.getByLabel("Minimum salary (USD a year)");
  // 185000 is not a multiple of 10,000: a number field's step would have refused to submit it.
  for (const [typed, chip] of [["185000", "≥ $185K a year"], ["$200,000", "≥ $200K a year"], ["172.5k", "≥ $172.5K a year"]] as const) {
    await field.fill(typed);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/salaryMin=/);
    await expect(page.getByTestId("active-filters").getByRole("listitem").first()).toHaveText(new RegExp(`^${chip.replace(/[$.]/g, "\\$&")}`));
    await expect(page.getByTestId("ignored-params")).toHaveCount(0);
    const dollars = Number(chip.match(/[\d.]+/)![0]) * 1000;
    await expect(field).toHaveValue(String(dollars));
    // Every card with a salary reaches it (cards show the USD range last, in thousands).
    for (const card of await page.getByTestId("posting").all()) {
      const usd = [...(await card.innerText()).matchAll(/\$(\d+)K/g)].map((m) => Number(m[1]) * 1000);
      if (usd.length) expect(Math.max(...usd)).toBeGreaterThanOrEqual(dollars);
    }
    await page.goto("/");
  }
});

test("the place fields take a country by name: the same postings as its code, shown by name", async ({ page }) => {
  const total = async () => Number((await page.getByTestId("total").innerText()).split(" ")[0]);
  for (const [field, typed, code, chip] of [
    ["I live in", "germany", "eligible=DE", "Open to Germany"],
    ["Country or city", "UK", "location=GB", "In United Kingdom"],
  ] as const) {
    await page.goto(`/?${code}`);
    const byCode = await total();
    await page.goto("/");
    await page.getByLabel(field).fill(typed);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByTestId("active-filters").getByRole("listitem").first()).toHaveText(new RegExp(`^${chip}`));
    await expect(page.getByTestId("ignored-params")).toHaveCount(0);
    expect(await total()).toBe(byCode);
    expect(byCode).toBeGreaterThan(0);
    await expect(page.getByLabel(field)).toHaveValue(chip.replace(/^(Open to|In) /, ""));
  }
});

test("an empty result offers the filters whose removal finds postings, with how many it finds", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto("/?q=zzzzzznothing&remote=remote");
  const empty = page.getByTestId("empty-state");
  // Without the words, remote roles; without "remote", still no posting has the word: not offered.
  const offers = empty.getByRole("link");
  await expect(offers).toHaveText([/^remove the search words: \d+ postings?$/]);
  const found = Number((await offers.innerText()).match(/: (\d+)/)![1]);
  expect(found).toBeGreaterThan(0);
  await offers.click();
  await expect(page).toHaveURL(/\/\?remote=remote$/);
  expect(Number((await page.getByTestId("total").innerText()).split(" ")[0])).toBe(found);

  // A misspelled word: the search as it was probably meant, with the other filters kept.
  await page.goto("/?q=pytroch&remote=hybrid");
  await expect(page.getByTestId("did-you-mean")).toHaveText("Did you mean “pytorch”?");
  await page.getByTestId("did-you-mean").getByRole("link").click();
  await expect(page).toHaveURL(/\/\?q=pytorch&remote=hybrid$/);
  await expect(page.getByTestId("posting").first()).toBeVisible();
  await expect(page.getByTestId("did-you-mean")).toHaveCount(0);

  await page.goto("/?q=zzzzzznothing&company=no-such-company");
  await expect(page.getByTestId("empty-state")).toContainText("Taking off any one of them still finds none.");
  await page.getByTestId("empty-state").getByRole("link", { name: "Clear all filters" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("posting").first()).toBeVisible();

  // A page past the oldest posting (a cursor kept while postings closed) is not "nothing matches".
  const pastTheEnd = Buffer.from(JSON.stringify({ s: "2000-01-01T00:00:00.000Z", i: 1 })).toString("base64url");
  await page.goto(`/?cursor=${pastTheEnd}`);
  await expect(page.getByTestId("empty-state")).toHaveText("No more postings past this page.");
  await page.getByRole("link", { name: "← First page" }).click();
  await expect(page.getByTestId("posting").first()).toBeVisible();
  expect(errors).toEqual([]);
});

test("on a phone the sort links beside the total reorder the results, keeping the filters", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/?remote=hybrid");
  const sortLinks = page.getByRole("navigation", { name: "Sort order" });
  await expect(sortLinks).toBeInViewport();
  // No words, so no relevance; the order in use is not a link.
  await expect(sortLinks.getByRole("link")).toHaveText(["Salary"]);
  await expect(sortLinks.locator('[aria-current="true"]')).toHaveText("Newest");

  await sortLinks.getByRole("link", { name: "Salary" }).click();
  await expect(page).toHaveURL(/\/\?remote=hybrid&sort=salary$/);
  await expect(page.getByTestId("total")).toContainText("highest salary first");
  // The top of each card's annual USD range ("$245K – $310K", "€95K – €120K (≈ $111K – $141K)"), in page order: never rising.
  const salaries = await page.getByTestId("posting").locator(".text-emerald-800").allInnerTexts();
  const tops = salaries.map((text) => Number(text.match(/\$(\d+)K\)?\s*$/)?.[1]));
  expect(tops.length).toBeGreaterThan(1);
  expect(tops).toEqual([...tops].sort((a, b) => b - a));
  // A role paid in euros says so, with the dollars the sort and the filter use.
  expect(salaries).toContainEqual(expect.stringMatching(/^€\d+K – €\d+K \(≈ \$\d+K – \$\d+K\)$/));
  for (const card of await page.getByTestId("posting").all()) await expect(card).toContainText("Hybrid");

  await sortLinks.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\/\?remote=hybrid$/);
  await page.goto("/?q=inference&sort=newest");
  await expect(sortLinks.getByRole("link")).toHaveText(["Relevance", "Salary"]);
  await sortLinks.getByRole("link", { name: "Relevance" }).click();
  await expect(page).toHaveURL(/\/\?q=inference$/);
  await expect(page.getByTestId("total")).toContainText("best matches first");
  // Each card says where it has the word; the best match has it in its title.
  const whys = await page.getByTestId("posting").getByText(/^Why it matches:/).allInnerTexts();
  expect(whys.length).toBeGreaterThan(1);
  for (const why of whys) expect(why).toMatch(/“inference” in the (title|skills|company name|description)/);
  expect(whys[0]).toContain("“inference” in the title");

  // A skill the listing asks for leads each card's chips, even where the posting lists it late.
  await page.goto("/?q=kubernetes&sort=newest");
  let led = 0;
  for (const card of await page.getByTestId("posting").all()) {
    const chips = await card.getByRole("list", { name: "Top skills" }).getByRole("listitem").allInnerTexts();
    if (chips.includes("Kubernetes")) expect(chips[0]).toBe("Kubernetes");
    if (chips[0] === "Kubernetes") led += 1;
  }
  expect(led).toBeGreaterThan(1);
  expect(errors).toEqual([]);
});

test("a role a company lists once per city is one card, linking each city's posting", async ({ page }) => {
  await page.goto("/");
  // The demo data has Tensorlane's inference role in New York and in San Francisco.
  const card = page.getByTestId("posting").filter({ hasText: "2 locations" }).first();
  await expect(card).toBeVisible();
  const title = await card.locator("h2").innerText();
  const places = card.locator("p").first().locator('a[href^="/jobs/"]');
  await expect(places).toHaveCount(2);
  const [first, second] = await places.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(first).not.toEqual(second);
  expect(await card.locator("h2 a").getAttribute("href")).toEqual(first);
  await places.nth(1).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // The posting page links the same role's other city, and does not offer it as a similar role.
  await expect(page.getByTestId("also-open").locator("a")).toHaveCount(1);
  expect(await page.getByTestId("also-open").locator("a").getAttribute("href")).toEqual(first);
  const similar = await page.getByRole("region", { name: "Similar open roles" }).locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(similar.length).toBeGreaterThan(0);
  expect(similar).not.toContain(first);
});

test("a bad URL parameter is reported on the page, never an error", async ({ page }) => {
  const response = await page.goto("/?levl=senior&salaryMin=abc&level=wizard&cursor=zzz");
  expect(response?.status()).toBe(200);
  const notice = page.getByTestId("ignored-params");
  await expect(notice).toContainText('did you mean "level"');
  await expect(notice).toContainText("salaryMin");
  await expect(notice).toContainText("wizard");
});

test("an address with a broken percent-escape answers 400 with a page that says so, never 500", async ({ page, request }) => {
  for (const path of ["/jobs/%ZZ/x", "/jobs/1/%E0%A4%A", "/companies/%ZZ", "/sitemaps/%ZZ", "/alerts/%ZZ", "/unsubscribe/%ZZ", "/%ZZ"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain("This address cannot be read");
  }
  const response = await page.goto("/companies/%ZZ");
  expect(response?.status()).toBe(400);
  await page.getByRole("link", { name: "the open senior ML engineering roles" }).click();
  await expect(page.getByTestId("posting").first()).toBeVisible();
});

test("an unknown posting answers 404", async ({ page }) => {
  const response = await page.goto("/jobs/999999/nothing-here");
  expect(response?.status()).toBe(404);
  expect((await page.request.get("/jobs/999999", { maxRedirects: 0 })).status()).toBe(404);
});

test("a posting or company has one address: shortened, padded or mis-cased links redirect to it", async ({ page }) => {
  await page.goto("/");
  const canonical = (await page.getByTestId("posting").first().locator("h2 a").getAttribute("href"))!;
  const [, id, slug] = /^\/jobs\/(\d+)\/(.+)$/.exec(canonical)!;
  for (const path of [`/jobs/${id}`, `/jobs/0${id}/${slug}`, `/jobs/${id}/an-old-title`]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(308);
    expect(new URL(response.headers().location!, "http://x").pathname, path).toBe(canonical);
  }
  expect((await page.request.get(canonical, { maxRedirects: 0 })).status()).toBe(200);

  const company = (await page.getByTestId("posting").first().locator('a[href^="/companies/"]').first().getAttribute("href"))!;
  const shouted = await page.request.get(company.toUpperCase().replace("/COMPANIES/", "/companies/"), { maxRedirects: 0 });
  expect(shouted.status()).toBe(308);
  expect(new URL(shouted.headers().location!, "http://x").pathname).toBe(company);
});

test("the role page's figures match the listing counts", async ({ page }) => {
  await page.goto("/role");
  const bars = page.getByTestId("chart-skills").locator("svg a");
  expect(await bars.count()).toBeGreaterThan(3);
  for (const index of [0, 2]) {
    const bar = bars.nth(index);
    const value = Number(await bar.locator("text[data-value]").getAttribute("data-value"));
    const href = await bar.getAttribute("href");
    const listing = await page.request.get(href!);
    const html = await listing.text();
    const total = Number(/data-testid="total">([\d,]+)/.exec(html)?.[1]?.replace(/,/g, ""));
    expect(total, href!).toBe(value);
  }
  const companyBar = page.getByTestId("chart-companies").locator("svg a").first();
  const companyValue = Number(await companyBar.locator("text[data-value]").getAttribute("data-value"));
  const companyHtml = await (await page.request.get((await companyBar.getAttribute("href"))!)).text();
  expect(Number(/data-testid="total">([\d,]+)/.exec(companyHtml)?.[1])).toBe(companyValue);
  const visa = page.getByTestId("role-visa-count");
  const visaValue = Number((await visa.innerText()).split(" ")[0]);
  expect(visaValue).toBeGreaterThan(0);
  const visaHtml = await (await page.request.get((await visa.getAttribute("href"))!)).text();
  expect(Number(/data-testid="total">([\d,]+)/.exec(visaHtml)?.[1])).toBe(visaValue);
  await page.getByTestId("chart-companies").getByRole("link", { name: "All companies hiring" }).click();
  await expect(page).toHaveURL(/\/companies$/);
});

test("the role page's chart text stays readable on a phone, and no label runs past its chart", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/role");
  for (const chart of await page.locator("figure svg").all()) {
    const { smallest, overflow } = await chart.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll("text")].map((t) => t.getBoundingClientRect());
      return {
        smallest: Math.min(...texts.map((r) => r.height)),
        overflow: texts.some((r) => r.left < box.left - 1 || r.right > box.right + 1),
      };
    });
    // Text boxes here are ~13px high (a 12px font); labels in a column beside the bars drew 9px ones.
    expect(smallest).toBeGreaterThanOrEqual(12.5);
    expect(overflow).toBe(false);
  }
});

test("the companies page counts each company's roles as its listing does, and links its page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Companies" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Companies hiring" })).toBeVisible();
  const companies = page.getByTestId("company");
  expect(await companies.count()).toBeGreaterThan(3);
  for (const index of [0, 3]) {
    const roles = companies.nth(index).getByTestId("company-roles");
    const shown = Number(/^(\d+) open/.exec((await roles.textContent())!)?.[1]);
    const html = await (await page.request.get((await roles.getAttribute("href"))!)).text();
    expect(Number(/data-testid="total">([\d,]+)/.exec(html)?.[1]?.replace(/,/g, ""))).toBe(shown);
  }
  const first = companies.first().locator("a").first();
  const name = await first.textContent();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name!);
});

test("each company's top salary and visa sponsorship on the companies page agree with its roles in the API", async ({ page, request }) => {
  await page.goto("/companies");
  const companies = await page.getByTestId("company").all();
  let withSalary = 0;
  for (const company of companies) {
    const slug = (await company.locator("a").first().getAttribute("href"))!.split("/").pop()!;
    const facts = (await company.getByTestId("company-facts").textContent())!;
    const { data } = (await (await request.get(`/api/v1/postings?company=${slug}&sort=salary`)).json()) as { data: unknown[] };
    const postings = data.map((item) => apiPostingSchema.parse(item));
    const top = Math.max(...postings.map((p) => p.salary?.annualUsdMax ?? p.salary?.annualUsdMin ?? -1));
    if (top >= 0) withSalary += 1;
    expect(facts.match(/up to (\S+)/)?.[1] ?? null, slug).toBe(top >= 0 ? formatSalaryUsd(null, top) : null);
    const sponsoring = (await (await request.get(`/api/v1/postings?company=${slug}&visa=1`)).json()) as { total: number };
    expect(facts.includes("sponsors visas"), slug).toBe(sponsoring.total > 0);
  }
  expect(withSalary).toBeGreaterThan(3);
});

test("on a phone the sources table fits the screen and still shows each board's health, last run and open postings", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/sources");
  const table = page.getByRole("table", { name: "Sources and their health" });
  const fits = await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth);
  expect(fits).toBe(true);
  const firstRow = table.locator("tbody tr").first();
  await expect(firstRow).toContainText(/disabled|healthy|stale|failing|never run/);
  await expect(firstRow).toContainText(/last successful run: /);
  await expect(firstRow.locator("td").filter({ hasText: /^\d+$/ })).toBeVisible();
});

test("the sources table names each source's company, or how many companies a thread lists, linking a company's page", async ({ page }) => {
  await page.goto("/sources");
  const table = page.getByRole("table", { name: "Sources and their health" });
  const thread = table.locator("tbody tr").filter({ hasText: "Hacker News" });
  await expect(thread.locator("td").last()).toHaveText(/^\d+ companies$/);
  const careers = table.locator("tbody tr").filter({ hasText: "Career page" }).first();
  const company = careers.locator("td").last().getByRole("link");
  const name = await company.textContent();
  await company.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name!);
});

test("the page links its filters' feed, which parses as XML, and the API returns the same postings as the page", async ({ page, request }) => {
  await page.goto("/?level=senior");
  const feedHref = "/feed.xml?level=senior";
  await expect(page.getByRole("link", { name: "Atom feed" })).toHaveAttribute("href", feedHref);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", new RegExp(`${feedHref.replace(/[.?]/g, "\\$&")}$`));
  const newest = await page.getByTestId("posting").first().locator("h2 a").getAttribute("href");
  const feed = await request.get(feedHref);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect((await xmlTexts(page, xml, "entry")).length).toBeGreaterThan(0);
  // Newest first, like the page without words: the feed opens with the page's first posting.
  const [firstEntry] = await xmlTexts(page, xml, "entry > id");
  expect(new URL(firstEntry!).pathname).toBe(newest);

  const api = await (await request.get("/api/v1/postings?level=senior&bogus=1")).json();
  expect(api.ignored).toEqual([{ param: "bogus", value: "1", reason: "unknown parameter" }]);
  expect(api.didYouMean).toBeNull();
  const misspelled = await (await request.get("/api/v1/postings?q=pytroch&remote=hybrid")).json();
  expect(misspelled).toMatchObject({ total: 0, data: [], didYouMean: "pytorch" });
  await page.goto("/?level=senior");
  // A card links to each of its postings (one role listed once per city is one card).
  const hrefs = await page.getByTestId("posting").locator('a[href^="/jobs/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(api.data.map((p: { url: string }) => new URL(p.url).pathname)).toEqual([...new Set(hrefs)]);
  expect(api.data[0].matchedTerms).toBeUndefined();

  // With words, each posting says where it has them, as its card does.
  const words = await (await request.get("/api/v1/postings?q=inference")).json();
  expect(words.data[0].matchedTerms).toEqual([{ term: "inference", in: "title" }]);
  // Every posting has the shape the OpenAPI document describes (generated from the same schema).
  for (const posting of [...api.data, ...words.data]) apiPostingSchema.parse(posting);
  const openapi = await (await request.get("/api/v1/openapi.json")).json();
  expect(Object.keys(openapi.paths["/api/v1/postings"].get.responses["200"].content["application/json"].schema.properties.data.items.properties)).toEqual(
    Object.keys(apiPostingSchema.shape),
  );
});

test("robots.txt points to the sitemap index, whose files list the listing's postings and pages that answer", async ({ page, request, baseURL }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toMatch(/Disallow: \/account/);
  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toContain("xml");
  const files = (await xmlTexts(page, await index.text(), "sitemap > loc")).map((url) => new URL(url).pathname);
  expect(files[0]).toBe("/sitemaps/pages.xml");
  expect(files.length).toBeGreaterThan(1);
  const paths: string[] = [];
  for (const file of files) {
    const response = await request.get(file);
    expect(response.headers()["content-type"], file).toContain("xml");
    paths.push(...(await xmlTexts(page, await response.text(), "url > loc")).map((url) => new URL(url).pathname));
  }
  expect(paths.slice(0, 4)).toEqual(["/", "/role", "/companies", "/sources"]);
  await page.goto("/");
  const newest = await page.getByTestId("posting").first().locator("h2 a").getAttribute("href");
  expect(paths).toContain(newest);
  for (const path of [paths.find((p) => p.startsWith("/companies/"))!, paths.at(-1)!]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  // A file no index lists: empty, or not found; never an error.
  expect(await xmlTexts(page, await (await request.get("/sitemaps/postings-999999.xml")).text(), "url > loc")).toEqual([]);
  expect((await request.get("/sitemaps/other.xml")).status()).toBe(404);
});

test("every page type has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/");
  const postingHref = await page.getByTestId("posting").first().locator("h2 a").getAttribute("href");
  const companyHref = await page.getByTestId("posting").first().locator("p a").first().getAttribute("href");
  for (const path of ["/", "/?level=staff&remote=remote", postingHref!, companyHref!, "/companies", "/role", "/sources", "/?q=zzzzzznothing", "/?q=pytroch&remote=hybrid"]) {
    await page.goto(path);
    const violations = await seriousAxeViolations(page);
    expect(violations.map((v) => `${path}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});

test("a page view asks the server for no other page: links do not prefetch, and still navigate", async ({ page }) => {
  await page.goto("/");
  const postingHref = await page.getByTestId("posting").first().locator("h2 a").getAttribute("href");
  // Every page here is dynamic: a prefetch would only render each linked page on the server for nothing.
  const pageRequests: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["rsc"] || request.url().includes("_rsc=")) pageRequests.push(request.url());
  });
  for (const path of [postingHref!, "/role", "/sign-in", "/companies"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(pageRequests).toEqual([]);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "The role" }).click();
  await expect(page).toHaveURL(/\/role$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Machine Learning Engineer");
});

// Last in this file: it adds 101 postings to the database the tests above read.
test("a company with more roles than its page shows links to all of them in the listing", async ({ page }) => {
  const state = readE2eState(port);
  execFileSync(process.execPath, [require.resolve("tsx/cli"), "tests/e2e/seed-company.ts", "Bigco Labs", "101"], {
    env: { ...process.env, DATABASE_URL: state.databaseUrl },
    encoding: "utf8",
  });
  await page.goto("/companies/bigco-labs");
  await expect(page.getByTestId("posting")).toHaveCount(100);
  await page.getByTestId("company-all-roles").click();
  await expect(page.getByTestId("total")).toHaveText(/^101 open postings/);
  await expect(page.getByTestId("posting").first()).toContainText("Bigco Labs");
});
