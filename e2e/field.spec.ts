/**
 * In the yard (issue 19): "On my way" reaches the poster's bell live, and a locked-gate report with a photo is
 * answered "try again". Screenshots of the new panels at desktop and phone widths go to test-results/field/.
 */
import { expect, test, type Page } from "@playwright/test";
import { personContext, pngPhoto, signUpAndConfirm, uniqueEmail } from "./fixtures";

async function mutate(page: Page, path: string, input: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

const pin = { lat: 40.6712, lng: -73.9634 };

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `test-results/field/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function postAndClaim(posterPage: Page, scooperPage: Page, address: string) {
  const job = (await mutate(posterPage, "jobs.post", {
    address, ...pin, priceCents: 2000, type: "POOP", pileEstimate: "PILES_1_3", yardSegments: ["N"], publicNotes: null, accessNotes: "Gate code 2468",
  })) as { id: string };
  await mutate(scooperPage, "jobs.claim", { jobId: job.id });
  return job.id;
}

test("a scooper taps On my way and the poster's bell shows it live, with an estimate", async ({ browser }) => {
  const poster = await personContext(browser);
  // About 2.5 km north of the pin: a few minutes at the default 25 km/h.
  const scooper = await personContext(browser, { geolocation: { latitude: pin.lat + 0.0225, longitude: pin.lng }, permissions: ["geolocation"] });
  const posterPage = await poster.newPage();
  const scooperPage = await scooper.newPage();
  await signUpAndConfirm(posterPage, { name: "Olive Poster", email: uniqueEmail("omw-poster"), password: "omw poster 123" });
  await signUpAndConfirm(scooperPage, { name: "Otto Scooper", email: uniqueEmail("omw-scooper"), password: "omw scooper 123", scooper: true });
  const jobId = await postAndClaim(posterPage, scooperPage, "77 Way St, Brooklyn");

  await posterPage.goto("/");
  await expect(posterPage.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(posterPage.getByTestId("notification-count")).toHaveText("1", { timeout: 15_000 }); // the claim

  await scooperPage.goto(`/jobs/${jobId}`);
  await shoot(scooperPage, "on-my-way-scooper-before");
  await scooperPage.getByRole("button", { name: "On my way" }).click();
  await expect(scooperPage.getByTestId("on-my-way-status")).toContainText("You told the customer you are on the way: expected around");
  await expect(scooperPage.getByRole("button", { name: "On my way" })).toHaveCount(0);

  // No reload: the notification arrives over the WebSocket.
  await expect(posterPage.getByTestId("notification-count")).toHaveText("2", { timeout: 15_000 });
  await posterPage.getByTestId("notification-bell").click();
  await expect(posterPage.getByTestId("notification-item").first()).toContainText(/on the way.*expected around .*\(about \d+ min\)/);

  await posterPage.goto(`/jobs/${jobId}`);
  await expect(posterPage.getByTestId("on-my-way-status")).toContainText("Your scooper is on the way: expected around");
  await expect(posterPage.getByTestId("timeline")).toContainText("On the way by the scooper");
  await shoot(posterPage, "on-my-way-poster");
  await poster.close();
  await scooper.close();
});

test("a scooper reports a locked gate with a photo and the poster answers try again", async ({ browser }) => {
  const poster = await personContext(browser);
  const scooper = await personContext(browser);
  const posterPage = await poster.newPage();
  const scooperPage = await scooper.newPage();
  await signUpAndConfirm(posterPage, { name: "Gina Poster", email: uniqueEmail("gate-poster"), password: "gate poster 123" });
  await signUpAndConfirm(scooperPage, { name: "Gus Scooper", email: uniqueEmail("gate-scooper"), password: "gate scooper 123", scooper: true });
  const jobId = await postAndClaim(posterPage, scooperPage, "12 Gate Rd, Brooklyn");

  await posterPage.goto(`/jobs/${jobId}`);
  await expect(posterPage.getByTestId("job-status")).toHaveText("Claimed");

  await scooperPage.goto(`/jobs/${jobId}`);
  await scooperPage.getByRole("button", { name: "Can't get in?" }).click();
  await scooperPage.getByLabel("Why").selectOption("LOCKED_GATE");
  await scooperPage.getByLabel("Note for the customer (optional)").fill("Padlocked, nobody answers the bell");
  // The report's own photo field (the job page also has the messages' photo field).
  await scooperPage.getByRole("group", { name: "Report that you can't get in" }).locator('input[type="file"]').setInputFiles(await pngPhoto("gate.png"));
  await expect(scooperPage.getByText("Uploaded")).toBeVisible();
  await shoot(scooperPage, "unreachable-report");
  await scooperPage.getByRole("button", { name: "Send the report" }).click();
  await expect(scooperPage.getByTestId("job-status")).toHaveText("Can't get in");
  await expect(scooperPage.getByTestId("unreachable-summary")).toContainText("Waiting for the customer's answer");
  // The access notes stay visible to the scooper.
  await expect(scooperPage.getByText("Gate code 2468")).toBeVisible();

  // The poster's page follows the job live.
  await expect(posterPage.getByTestId("job-status")).toHaveText("Can't get in", { timeout: 15_000 });
  await expect(posterPage.getByTestId("unreachable-summary")).toContainText("could not get in: locked gate");
  await expect(posterPage.getByTestId("unreachable-summary")).toContainText("Padlocked, nobody answers the bell");
  await expect(posterPage.getByRole("button", { name: "Cancel (the scooper is paid $4.00)" })).toBeVisible();
  await shoot(posterPage, "unreachable-poster");
  await posterPage.getByRole("button", { name: "Try again (I fixed it)" }).click();
  await expect(posterPage.getByTestId("job-status")).toHaveText("Claimed");
  await expect(posterPage.getByTestId("timeline")).toContainText("Asked to try again by the customer");

  await expect(scooperPage.getByTestId("job-status")).toHaveText("Claimed", { timeout: 15_000 });
  await expect(scooperPage.getByRole("button", { name: "I'm here: start" })).toBeVisible();
  await poster.close();
  await scooper.close();
});

test("a customer skips the next visit of a recurring cleanup and undoes it", async ({ browser }) => {
  const context = await personContext(browser);
  const customer = await context.newPage();
  await signUpAndConfirm(customer, { name: "Sky Skipper", email: uniqueEmail("skip-customer"), password: "skip customer 123" });
  await customer.goto("/recurring/new");
  await customer.getByLabel("Address").fill("9 Skip Lane, Brooklyn");
  await customer.getByLabel("Price per visit (USD)").fill("21.00");
  await customer.getByLabel("Frequency").selectOption("WEEKLY");
  await customer.getByLabel("The pin is on my yard").check();
  await customer.getByRole("button", { name: "Start for $21.00 per visit" }).click();
  await expect(customer).toHaveURL(/\/recurring\/(?!new$)[^/]+$/);

  const visits = customer.getByTestId("skip-visits").locator("li");
  await expect(visits).toHaveCount(8);
  await visits.first().getByRole("button", { name: "Skip this visit" }).click();
  await expect(visits.first()).toContainText("Skipped");
  await shoot(customer, "skip-visit");
  await visits.first().getByRole("button", { name: "Undo" }).click();
  await expect(visits.first().getByRole("button", { name: "Skip this visit" })).toBeVisible();
  await context.close();
});
