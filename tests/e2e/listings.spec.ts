import { expect, test } from "@playwright/test";

test("the listings page shows the demo postings from the database", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const postings = page.getByTestId("posting");
  await expect(postings.first()).toBeVisible();
  expect(await postings.count()).toBeGreaterThan(10);
  expect(errors).toEqual([]);
});
