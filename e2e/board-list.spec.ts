/**
 * Issue 16: the board has a list alternative to the map, and a keyboard user on a phone-sized screen reaches a
 * job through it without a pointer.
 */
import { expect, test, type Page } from "@playwright/test";
import { personContext } from "./fixtures";
import { screens } from "./screens";

/** Presses Tab until `target` has the focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 1_000 }).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test("a keyboard user at 390 px switches the board to the list and opens a job from it", async ({ browser }) => {
  const context = await personContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/board");
  const list = page.getByTestId("board-list");
  const map = page.getByTestId("job-map");
  await expect(map).toBeVisible();

  const listButton = page.getByRole("button", { name: "List" });
  await tabTo(page, listButton);
  await page.keyboard.press("Enter");
  await expect(listButton).toHaveAttribute("aria-pressed", "true");
  await expect(map).toBeHidden();

  // The same jobs the map shows: each row has the area in words, the type and the price, and links to the job.
  const first = list.getByRole("link").first();
  await expect(first).toBeVisible();
  await expect(first).toContainText(/(Dog waste|Litter|Waste \+ litter)/);
  await expect(first).toContainText(/\$\d+\.\d{2}/);
  await screens(page, "board-list");

  await tabTo(page, first);
  const href = await first.getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Back on the board, "Map" brings the map back.
  await page.goto("/board");
  await page.getByRole("button", { name: "List" }).click();
  await page.getByRole("button", { name: "Map" }).click();
  await expect(map).toBeVisible();
  await context.close();
});
