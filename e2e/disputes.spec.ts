import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO, personContext, signIn, signUpAndConfirm, uniqueEmail } from "./fixtures";

async function newPage(browser: Browser, opts: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  return (await personContext(browser, opts)).newPage();
}

test("a dispute from open to resolved with a partial refund", async ({ browser }) => {
  test.setTimeout(180_000);
  const address = `${Date.now()} Dispute Lane, Brooklyn`;

  const customer = await newPage(browser);
  await signUpAndConfirm(customer, { name: "Dee Sputer", email: uniqueEmail("disputer"), password: "dispute me 12345" });
  const posted = await customer.request.post("/api/trpc/jobs.post", {
    data: { json: { address, lat: 40.68, lng: -73.97, priceCents: 2000, type: "POOP", pileEstimate: "PILES_4_8", yardSegments: ["N"] } },
  });
  expect(posted.ok()).toBe(true);
  const jobId = ((await posted.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;

  // A fresh scooper at the pin claims, starts, adds an after photo and completes.
  const scooper = await newPage(browser, { permissions: ["geolocation"], geolocation: { latitude: 40.68, longitude: -73.97 } });
  await signUpAndConfirm(scooper, { name: "Scoop Dogg", email: uniqueEmail("scooper"), password: "scoop me 12345", scooper: true });
  await scooper.goto(`/jobs/${jobId}`);
  await scooper.getByRole("button", { name: "Claim this job" }).click();
  await scooper.getByRole("button", { name: /start/ }).click();
  await expect(scooper.getByTestId("job-status")).toHaveText("In progress");
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#3a7" } }).png().toBuffer();
  await scooper.locator('[data-testid="field-completion"] input[type="file"]').setInputFiles({ name: "after.png", mimeType: "image/png", buffer: png });
  await expect(scooper.getByText("Uploaded")).toBeVisible();
  await scooper.getByRole("button", { name: "Mark done" }).click();
  await expect(scooper.getByTestId("job-status")).toHaveText("Completed");

  // The customer disputes instead of confirming.
  await customer.goto(`/jobs/${jobId}`);
  await customer.getByRole("button", { name: "Open a dispute" }).click();
  await customer.getByLabel("What went wrong?").selectOption("INCOMPLETE");
  await customer.getByLabel("Details").fill("The back of the yard was not cleaned");
  await customer.getByRole("button", { name: "Send the dispute" }).click();
  await expect(customer.getByTestId("job-status")).toHaveText("Disputed");
  await expect(customer.getByTestId("dispute")).toContainText("The back of the yard was not cleaned");

  // The scooper responds once.
  await scooper.reload();
  await scooper.getByLabel("Your response").fill("The back gate was locked");
  await scooper.getByRole("button", { name: "Respond" }).click();
  await expect(scooper.getByTestId("dispute")).toContainText("The back gate was locked");
  await expect(scooper.getByRole("button", { name: "Respond" })).toHaveCount(0);

  // The admin resolves it with a $5 refund.
  const admin = await newPage(browser);
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/disputes");
  const row = admin.getByTestId("dispute-row").filter({ hasText: address });
  await expect(row).toContainText("The back gate was locked");
  await row.getByLabel("Outcome").selectOption("PARTIAL_REFUND");
  await row.getByLabel("Refund ($)").fill("5");
  await row.getByLabel("Note").fill("Half the yard was done");
  await row.getByRole("button", { name: "Resolve" }).click();
  await expect(row).toHaveCount(0);

  await customer.reload();
  await expect(customer.getByTestId("job-status")).toHaveText("Resolved");
  await expect(customer.getByTestId("dispute-outcome")).toContainText("Partial refund · $5.00 refunded");
  await expect(customer.getByTestId("timeline")).toContainText("Dispute resolved by an admin");
});
