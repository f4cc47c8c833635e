import { expect, test } from "@playwright/test";

test("/admin sends a visitor who is not signed in to sign in, and back to /admin after", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
});

test("/api/health reports the database, the queue and the last successful scrape", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: { reachable: true } });
  expect(body).toHaveProperty("queue");
  // The e2e data is the demo import, whose invented sources are disabled: no enabled source has scraped yet.
  expect(body.lastSuccessfulScrapeAgeSeconds).toBeNull();
});

test("/api/metrics serves Prometheus text with the demo postings", async ({ request }) => {
  const response = await request.get("/api/metrics");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  const text = await response.text();
  const open = /^mlradar_postings\{state="open"\} (\d+)$/m.exec(text);
  expect(Number(open?.[1])).toBeGreaterThan(0);
  expect(text).toMatch(/^mlradar_scrape_runs\{status="succeeded"\} \d+$/m);
});
