/**
 * /admin as people use it: an address in ADMIN_EMAILS (tests/e2e/server.ts) signs in by the
 * emailed link and runs, disables, enables and adds sources. (Non-admins and forged action calls:
 * tests/integration/security.)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { simpleParser } from "mailparser";
import { seriousAxeViolations } from "./helpers";
import { readE2eState } from "./mail-capture";

const port = process.env.E2E_PORT ?? "3100";
const ADMIN = "admin-e2e@example.test";

async function signInLink(address: string): Promise<string> {
  const { mailDir } = readE2eState(port);
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const file of existsSync(mailDir) ? readdirSync(mailDir).sort().reverse() : []) {
      const parsed = await simpleParser(readFileSync(path.join(mailDir, file), "utf8"));
      const to = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
      if (!to.some((t) => t.value.some((v) => v.address === address))) continue;
      const link = /http:\/\/\S+\/sign-in\/confirm\?[^\s\]>)]+/.exec(parsed.text ?? "")?.[0];
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`no sign-in link for ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function signIn(page: Page, address: string): Promise<void> {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
  await page.getByLabel("Email address").fill(address);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(await signInLink(address));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

function notice(page: Page) {
  return page.getByRole("status").filter({ hasText: /./ }).first();
}

test("an admin signs in and runs, disables, enables and adds sources", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
  const violations = await seriousAxeViolations(page);
  expect(violations.map((v) => `${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  const token = `e2e-admin-${Date.now()}`;
  await page.getByLabel("Board").fill(`greenhouse:${token}`);
  await page.getByLabel("Company (optional)").fill("E2E Admin Co");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(notice(page)).toHaveText(`Added greenhouse:${token}; its first scrape is queued.`);
  const row = page.locator("tr", { hasText: `Greenhouse: ${token}` });
  await expect(row).toContainText("E2E Admin Co");

  await row.getByRole("button", { name: "Disable" }).click();
  await expect(notice(page)).toHaveText("Source disabled: it is not scraped until enabled again.");
  await expect(row.getByRole("button", { name: "Run now" })).toBeDisabled();
  await row.getByRole("button", { name: "Enable" }).click();
  await expect(notice(page)).toHaveText("Source enabled.");
  await row.getByRole("button", { name: "Run now" }).click();
  await expect(notice(page)).toHaveText("Scrape queued: a worker picks it up within seconds.");

  // The private-address guard holds here too: nothing is added.
  await page.getByLabel("Board").fill("jsonld:http://127.0.0.1:9/careers");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(notice(page)).toContainText("Not added:");
  await expect(page.locator("tr", { hasText: "127.0.0.1:9" })).toHaveCount(0);
});
