/**
 * Scooper onboarding (issue 19 part 7): a new scooper's claim is refused with a link to their onboarding steps; they
 * add a photo, a name and a service area and accept the statements; an admin sees all of it beside "Approve" on
 * /admin/scoopers and approves; the scooper claims. The e2e server runs with SCOOPER_APPROVAL=0 (every other spec's
 * scoopers claim unapproved), so the "awaiting approval" refusal between those steps is proven with the setting on
 * by src/server/accounts/scooper-onboarding.int.test.ts and in the browser by the production-shaped run
 * (e2e-production/production-shape.spec.ts runs with SCOOPER_APPROVAL=1).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, distinctivePrice, personContext, pngPhoto, postJob, signIn, signUpAndConfirm, uniqueEmail } from "./fixtures";
import { screens } from "./screens";

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
  expect(serious, serious.join("\n")).toEqual([]);
}

test("a new scooper onboards, an admin approves from the queue, and the scooper claims", async ({ browser }) => {
  const posterContext = await personContext(browser);
  const poster = await posterContext.newPage();
  await signUpAndConfirm(poster, { name: "Olive Poster", email: uniqueEmail("onboard-poster"), password: "onboard poster 123" });
  const jobId = await postJob(poster, { address: `${Math.floor(Math.random() * 900) + 100} Onboarding Ave, Brooklyn`, price: distinctivePrice(41) });

  const scooperContext = await personContext(browser);
  const scooper = await scooperContext.newPage();
  const email = uniqueEmail("onboard-scooper");
  await signUpAndConfirm(scooper, { name: "Nia Newscooper", email, password: "onboard scooper 123", scooper: true, onboard: false });

  // The board stays visible and points to onboarding; the claim is refused with the same link, not a bare error.
  await scooper.goto("/board");
  await expect(scooper.getByTestId("onboarding-link")).toContainText("Finish your scooper profile");
  await scooper.goto(`/jobs/${jobId}`);
  await scooper.getByRole("button", { name: "Claim this job" }).click();
  const refusal = scooper.getByTestId("onboarding-link");
  await expect(refusal).toContainText("Finish your scooper profile before claiming jobs");
  await refusal.getByRole("link", { name: "Go to your onboarding steps" }).click();
  await expect(scooper).toHaveURL(/\/scooper\/onboarding$/);
  await expect(scooper.getByTestId("onboarding-steps")).toContainText("Missing: a display name, a profile photo, a service area.");
  await screens(scooper, "scooper-onboarding-start");
  await expectAxeClean(scooper);

  // A server-side limit shows on its field in plain words; then the profile, by keyboard where it can be.
  await scooper.getByLabel("Display name").fill("N");
  await scooper.getByRole("button", { name: "Save profile" }).click();
  await expect(scooper.getByText(/at least 2 characters/)).toBeVisible();
  await scooper.getByLabel("Profile photo").setInputFiles(await pngPhoto("me.png", { r: 200, g: 80, b: 80 }));
  await expect(scooper.getByText("Photo uploaded.")).toBeVisible();
  await expect(scooper.getByTestId("profile-photo")).toBeVisible();
  await scooper.getByLabel("Display name").fill("Nia N.");
  await scooper.getByLabel("Radius").selectOption("5");
  await scooper.getByLabel("Radius").press("Tab");
  await scooper.getByRole("button", { name: "Save profile" }).focus();
  await scooper.keyboard.press("Enter");
  await expect(scooper.getByText("Profile saved.")).toBeVisible();
  await expect(scooper.getByTestId("onboarding-steps")).not.toContainText("Missing:");

  const statements = scooper.getByTestId("statements").getByRole("checkbox");
  const count = await statements.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await statements.nth(i).check();
  await scooper.getByRole("button", { name: "Accept the ticked statements" }).click();
  await expect(scooper.getByText("You are all set")).toBeVisible();
  await screens(scooper, "scooper-onboarding-done");

  // The admin sees the profile, photo and accepted statements beside "Approve", and approves.
  const adminContext = await personContext(browser);
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/scoopers");
  const row = admin.getByTestId("scooper-queue").locator("li", { hasText: email }).first();
  await expect(row).toContainText("shown as “Nia N.”");
  await expect(row).toContainText("Works within 5 km");
  await expect(row).toContainText("I am 18 or older.");
  await expect(row.getByRole("img", { name: "Photo of Nia N." })).toBeVisible();
  await screens(admin, "admin-scooper-queue-with-profile");
  await row.getByRole("button", { name: `Approve ${email}` }).click();
  await expect(admin.getByTestId("scooper-queue").locator("li", { hasText: email })).toHaveCount(0);

  // The statements page: an optional statement added, then reworded (version 2), both audited.
  await admin.goto("/admin/attestations");
  const wording = `I will close every gate behind me (${Date.now()}).`;
  await admin.getByLabel("Wording").fill(wording);
  await admin.getByLabel("Required before claiming").uncheck();
  await admin.getByRole("button", { name: "Add statement" }).click();
  const item = admin.getByTestId("attestation").filter({ hasText: wording });
  await expect(item).toContainText("Version 1 · optional · active");
  await item.getByRole("button", { name: /^Edit/ }).click();
  // While editing, the wording is in a text box (not the row's text): the row being edited is the one with "Save".
  const editing = admin.getByTestId("attestation").filter({ has: admin.getByRole("button", { name: "Save" }) });
  await editing.getByLabel("Wording").fill(`${wording} Always.`);
  await editing.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByTestId("attestation").filter({ hasText: `${wording} Always.` })).toContainText("Version 2 · optional");
  await screens(admin, "admin-attestations");
  await expectAxeClean(admin);
  await admin.goto("/admin/audit");
  await expect(admin.getByText("attestation.update").first()).toBeVisible();

  // The scooper's claim goes through; the board no longer points to onboarding.
  await scooper.goto(`/jobs/${jobId}`);
  await scooper.getByRole("button", { name: "Claim this job" }).click();
  await expect(scooper.getByTestId("job-status")).toHaveText("Claimed");
  await scooper.goto("/board");
  await expect(scooper.getByRole("heading", { name: "Find jobs" })).toBeAttached();
  await expect(scooper.getByTestId("onboarding-link")).toHaveCount(0);
  await Promise.all([posterContext.close(), scooperContext.close(), adminContext.close()]);
});
