import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { distinctivePrice, personContext, signUpAndConfirm, uniqueEmail, watchBoard } from "./fixtures";

const todayInNewYork = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());

test("a customer creates a weekly recurring cleanup and sees its next dates; after a generator run the job is on a scooper's map", async ({ browser }) => {
  const customerContext = await personContext(browser);
  const customer = await customerContext.newPage();
  const price = distinctivePrice(473);
  const address = `${Math.floor(Math.random() * 900) + 100} Every Week Lane, Brooklyn`;

  await signUpAndConfirm(customer, { name: "Wes Weekly", email: uniqueEmail("rec-customer"), password: "customer pass 123" });
  await customer.getByRole("link", { name: "Recurring" }).click();
  await expect(customer.getByRole("heading", { name: "Recurring cleanups" })).toBeVisible();
  await customer.getByRole("link", { name: "New", exact: true }).click();

  await customer.getByLabel("Address").fill(address);
  await customer.getByLabel("Price per visit (USD)").fill(price);
  await customer.getByLabel("Frequency").selectOption("WEEKLY");
  const firstDate = customer.getByLabel("First service date");
  const earliest = await firstDate.getAttribute("min");
  expect(earliest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(firstDate).toHaveValue(earliest!);
  // The next five dates, a week apart, are shown before saving.
  const preview = customer.getByTestId("next-dates").locator("li");
  await expect(preview).toHaveCount(5);
  const dates = await preview.evaluateAll((items) => items.map((li) => li.getAttribute("data-date")!));
  expect(dates[0]).toBe(earliest);
  for (let i = 1; i < dates.length; i++) {
    expect(Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)).toBe(7 * 86_400_000);
  }

  await customer.getByLabel("The pin is on my yard").check();
  await customer.getByRole("button", { name: `Start for $${price} per visit` }).click();
  await expect(customer).toHaveURL(/\/recurring\/(?!new$)[^/]+$/);
  await expect(customer.getByTestId("recurring-status")).toHaveText("Active");
  const subscriptionId = customer.url().split("/").pop()!;
  await expect(customer.getByRole("heading", { name: address })).toBeVisible();
  await expect(customer.getByTestId("next-dates").locator("li")).toHaveCount(5);
  await expect(customer.getByTestId("next-dates").locator("li").first()).toHaveAttribute("data-date", earliest!);
  await customer.goto("/recurring");
  await expect(customer.getByTestId("recurring-list")).toContainText(address);

  // Generation only posts jobs for subscriptions whose service date is today, and the form (rightly) only
  // accepts a first date whose 06:00 generation has not run yet, i.e. tomorrow for most of the day. So the
  // test, not the app, moves this subscription's first date to today (a weekly schedule keeps its weekday
  // from that date) as if the customer had created it before this morning's run.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`UPDATE "RecurringCleanup" SET "firstServiceDate" = $1::date WHERE id = $2`, [todayInNewYork(), subscriptionId]);
  await client.end();

  // The real CLI, with this run's database and Redis (the same function the worker's 06:00 schedule calls).
  const output = execFileSync("npx", ["tsx", "scripts/recurring-generate.ts"], { env: process.env, encoding: "utf8", timeout: 60_000 });
  expect(output).toContain(`for subscription ${subscriptionId}`);
  // Other specs' subscriptions may be due today too (the e2e database is shared by the run), so the summary
  // must count exactly the jobs the run listed, ours among them, with none failed.
  const listed = output.split("\n").filter((line) => line.startsWith("generated job ")).length;
  expect(listed).toBeGreaterThanOrEqual(1);
  // The summary is always the last line (scripts and cron logs read it there), after every log line.
  expect(output.trimEnd().split("\n").at(-1)).toMatch(new RegExp(`^generated ${listed}, skipped \\d+, failed 0$`));
  expect(output).not.toContain('"service":"web"');

  const scooperContext = await personContext(browser);
  const scooper = await scooperContext.newPage();
  await signUpAndConfirm(scooper, { name: "Gina Generated", email: uniqueEmail("rec-scooper"), password: "scooper pass 123", scooper: true });
  const { pin } = await watchBoard(scooper, price);
  await expect(pin).toHaveCount(1);
  // The board shows the street without the house number (issue 20).
  await expect(scooper.getByTestId("board-list")).toContainText("Every Week Lane, Brooklyn");

  await customerContext.close();
  await scooperContext.close();
});
