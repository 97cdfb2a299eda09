import { expect, test } from "@playwright/test";
import { distinctivePrice, personContext, pngPhoto, postJob, signUpAndConfirm, uniqueEmail, watchBoard } from "./fixtures";

// Where the post-job form drops its pin by default: the scooper's "device" is there when starting.
const YARD = { latitude: 40.6782, longitude: -73.9442 };

test("a customer posts a job with a photo; a scooper finds it on the map, claims, starts and completes it with a photo; the customer confirms and sees the timeline", async ({ browser }) => {
  const customerContext = await personContext(browser);
  const scooperContext = await personContext(browser, { geolocation: YARD, permissions: ["geolocation"] });
  const customer = await customerContext.newPage();
  const scooper = await scooperContext.newPage();
  const price = distinctivePrice(412);
  const address = `${Math.floor(Math.random() * 900) + 100} Marketplace Ave, Brooklyn`;

  await signUpAndConfirm(customer, { name: "Cora Customer", email: uniqueEmail("mkt-customer"), password: "customer pass 123" });
  const jobId = await postJob(customer, { address, price, beforePhoto: await pngPhoto("before.png") });
  await customer.goto(`/jobs/${jobId}`);
  await expect(customer.getByTestId("job-status")).toHaveText("Open");
  await expect(customer.getByAltText("before photo")).toBeVisible();

  // A fresh scooper: the demo one may already hold the maximum of three active claims.
  await signUpAndConfirm(scooper, { name: "Sam Scooper", email: uniqueEmail("mkt-scooper"), password: "scooper pass 123", scooper: true });
  const { map, pin } = await watchBoard(scooper, price);
  await expect(pin).toBeVisible();
  await pin.click();
  await map.getByRole("link", { name: "Open job" }).click();
  await expect(scooper).toHaveURL(new RegExp(`/jobs/${jobId}$`));
  // Before the claim a scooper sees the street, not the house number (issue 20); after it, the full address.
  await expect(scooper.getByRole("heading", { name: "Marketplace Ave, Brooklyn", exact: true })).toBeVisible();

  await scooper.getByRole("button", { name: "Claim this job" }).click();
  await expect(scooper.getByTestId("job-status")).toHaveText("Claimed");
  await expect(scooper.getByRole("heading", { name: address })).toBeVisible();
  await scooper.getByRole("button", { name: /start/ }).click();
  await expect(scooper.getByTestId("job-status")).toHaveText("In progress");
  await scooper.locator('[data-testid="field-completion"] input[type="file"]').setInputFiles(await pngPhoto("after.png", { r: 40, g: 140, b: 60 }));
  await expect(scooper.getByText("Uploaded")).toBeVisible();
  await scooper.getByRole("button", { name: "Mark done" }).click();
  await expect(scooper.getByTestId("job-status")).toHaveText("Completed");

  await customer.reload();
  await expect(customer.getByTestId("job-status")).toHaveText("Completed");
  await expect(customer.getByAltText("after photo")).toBeVisible();
  await customer.getByRole("button", { name: "Confirm the work" }).click();
  await expect(customer.getByTestId("job-status")).toHaveText("Confirmed");
  const timeline = customer.getByTestId("timeline");
  for (const step of ["posted", "claimed", "started", "completed", "confirmed"]) {
    await expect(timeline.locator("li").filter({ hasText: new RegExp(`^${step} by`, "i") })).toHaveCount(1);
  }

  await customerContext.close();
  await scooperContext.close();
});
