import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";
import { seriousAxeViolations } from "./helpers";
import { readE2eState, type E2eState } from "./mail-capture";

const port = process.env.E2E_PORT ?? "3100";
const require = createRequire(import.meta.url);

interface Mail {
  file: string;
  raw: string;
  parsed: ParsedMail;
}

async function mailTo(state: E2eState, address: string): Promise<Mail[]> {
  if (!existsSync(state.mailDir)) return [];
  const mails: Mail[] = [];
  for (const file of readdirSync(state.mailDir).sort()) {
    const raw = readFileSync(path.join(state.mailDir, file), "utf8");
    const parsed = await simpleParser(raw);
    const to = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
    if (to.some((t) => t.value.some((v) => v.address === address))) mails.push({ file, raw, parsed });
  }
  return mails;
}

async function waitForMail(state: E2eState, address: string, count: number): Promise<Mail[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = await mailTo(state, address);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`expected ${count} emails to ${address}, found ${mails.length}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The worker's jobs after a scrape that found these postings (tests/e2e/alert-jobs.ts). */
function importPostings(state: E2eState, now: Date, titles: string[]): { delivered: { sent: number } } {
  const output = execFileSync(process.execPath, [require.resolve("tsx/cli"), "tests/e2e/alert-jobs.ts", now.toISOString(), ...titles], {
    env: { ...process.env, DATABASE_URL: state.databaseUrl, SMTP_URL: state.smtpUrl, AUTH_SECRET: state.authSecret, SITE_URL: state.siteUrl },
    encoding: "utf8",
  });
  return JSON.parse(output.trim().split("\n").pop()!) as { delivered: { sent: number } };
}

test("sign in by emailed link, save a search, get the alert, unsubscribe in one click, get no more", async ({ page, request }) => {
  test.setTimeout(120_000);
  const state = readE2eState(port);
  const email = `e2e-${Date.now()}@example.test`;

  await page.goto("/?level=staff");
  const header = page.getByRole("navigation", { name: "Main" });
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
  await expect(header.getByRole("link", { name: "Saved searches" })).toHaveCount(0);
  await page.getByRole("link", { name: "Save this search" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const [signInMail] = await waitForMail(state, email, 1);
  const link = /http:\/\/\S+\/sign-in\/confirm\?[^\s\]>)]+/.exec(signInMail!.parsed.text ?? "")![0];
  await page.goto(link);
  // Opening the link alone signs nobody in (mail scanners open links too).
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/account\/searches\/new\?level=staff/);
  await page.getByLabel("Name").fill("Staff roles e2e");
  await page.getByLabel("Email me").selectOption("instant");
  await page.getByRole("button", { name: "Save search" }).click();
  await expect(page).toHaveURL(/\/account\/searches\?saved=/);
  const saved = page.getByTestId("saved-search").filter({ hasText: "Staff roles e2e" });
  await expect(saved).toBeVisible();
  await expect(saved.getByTestId("next-send")).toHaveText(/Within 15 minutes/);
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(header.getByRole("link", { name: "Saved searches" })).toHaveAttribute("href", "/account/searches");

  const now = new Date();
  const first = importPostings(state, now, ["Staff ML Engineer, E2E Alerts"]);
  expect(first.delivered.sent).toBeGreaterThanOrEqual(1);
  const [, alert] = await waitForMail(state, email, 2);
  expect(alert!.parsed.subject).toBe("1 new role for “Staff roles e2e”: Staff ML Engineer, E2E Alerts at Alertco");
  expect(alert!.parsed.text).toContain("Staff ML Engineer, E2E Alerts");
  expect(alert!.parsed.text).toContain("Alertco");
  const headers = alert!.raw.split("\r\n\r\n")[0]!.split("\r\n");
  const listUnsubscribe = headers.find((line) => line.startsWith("List-Unsubscribe: "))!;
  expect(headers).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  const unsubscribeUrl = /^List-Unsubscribe: <([^>]+)>$/.exec(listUnsubscribe)![1]!;

  // A GET (a scanner, a preview) shows a confirmation and changes nothing.
  await page.goto(unsubscribeUrl);
  await expect(page.getByRole("heading", { name: "Stop these alerts?" })).toBeVisible();
  await page.goto("/account/searches");
  await expect(saved.getByText("Paused")).toHaveCount(0);

  // The mail client's one-click POST: no cookies, no redirect.
  const oneClick = await request.fetch(unsubscribeUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: "" },
    data: "List-Unsubscribe=One-Click",
    maxRedirects: 0,
  });
  expect(oneClick.status()).toBe(200);
  await page.reload();
  await expect(saved.getByText("Paused", { exact: true })).toBeVisible();

  const later = importPostings(state, new Date(now.getTime() + 16 * 60_000), ["Staff ML Engineer, After Unsubscribe"]);
  expect(later.delivered.sent).toBe(0);
  await page.waitForTimeout(500);
  expect(await mailTo(state, email)).toHaveLength(2);
});

test("the account pages and an alert's postings page: the search's words placed on each card, no serious accessibility violations", async ({ page }) => {
  test.setTimeout(120_000);
  const state = readE2eState(port);
  const email = `e2e-words-${Date.now()}@example.test`;
  const checked: string[] = [];
  const expectAccessible = async () => {
    const path = new URL(page.url()).pathname;
    const violations = await seriousAxeViolations(page);
    expect(violations.map((v) => `${path}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    checked.push(path);
  };

  await page.goto(`/sign-in?next=${encodeURIComponent("/account/searches/new?q=inference&level=staff")}`);
  await expectAccessible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectAccessible();
  const [signInMail] = await waitForMail(state, email, 1);
  await page.goto(/http:\/\/\S+\/sign-in\/confirm\?[^\s\]>)]+/.exec(signInMail!.parsed.text ?? "")![0]);
  await expectAccessible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/searches\/new\?/);
  await expectAccessible();
  await page.getByLabel("Name").fill("Inference e2e");
  await page.getByLabel("Email me").selectOption("instant");
  await page.getByRole("button", { name: "Save search" }).click();
  await expect(page.getByTestId("saved-search").filter({ hasText: "Inference e2e" })).toBeVisible();
  await expectAccessible();

  // Twelve roles of one company: the email lists three (at most three per company) and links the rest.
  const titles = Array.from({ length: 12 }, (_, i) => `Staff ML Engineer, Inference ${String.fromCharCode(65 + i)}`);
  expect(importPostings(state, new Date(), titles).delivered.sent).toBeGreaterThanOrEqual(1);
  const [, alert] = await waitForMail(state, email, 2);
  expect(alert!.parsed.text).toMatch(/and 9 more roles/);
  const more = /http:\/\/\S+\/alerts\/[A-Za-z0-9_.-]+/.exec(alert!.parsed.text ?? "")![0];
  await page.goto(new URL(more).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("12 postings for “Inference e2e”");
  const cards = page.getByTestId("posting");
  await expect(cards).toHaveCount(12);
  for (const card of await cards.all()) await expect(card).toContainText("Why it matches: “inference” in the title");
  await expectAccessible();

  const unsubscribe = /^List-Unsubscribe: <([^>]+)>\r?$/m.exec(alert!.raw.split("\r\n\r\n")[0]!)![1]!;
  await page.goto(new URL(unsubscribe).pathname);
  await expect(page.getByRole("heading", { name: "Stop these alerts?" })).toBeVisible();
  await expectAccessible();
  expect(checked).toHaveLength(7);
});
