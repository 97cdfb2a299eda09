/**
 * Job messages (issue 19): the customer and the scooper holding the claim write to each other on the job page,
 * live (no reload), one with a photo; the page passes axe and fits the phone width.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { customerAndScooper, pngPhoto, trpcMutate } from "./fixtures";
import { screens } from "./screens";

test("customer and scooper exchange messages live, with a photo", async ({ browser }) => {
  const { posterPage, scooperPage, close } = await customerAndScooper(browser, "Chat");
  const job = (await trpcMutate(posterPage, "jobs.post", {
    address: "31 Chat St, Brooklyn", lat: 40.6702, lng: -73.9611, priceCents: 2100, type: "POOP", pileEstimate: "PILES_1_3",
    yardSegments: ["S"], publicNotes: null, accessNotes: null,
  })) as { id: string };
  await trpcMutate(scooperPage, "jobs.claim", { jobId: job.id });

  await posterPage.goto(`/jobs/${job.id}`);
  await scooperPage.goto(`/jobs/${job.id}`);
  await expect(posterPage.getByTestId("job-messages")).toContainText("No messages yet.");

  // An empty message is refused in words on the field.
  await posterPage.getByRole("button", { name: "Send" }).click();
  await expect(posterPage.getByText("Write a message or add a photo.")).toBeVisible();

  await posterPage.getByLabel("Your message").fill("The side gate sticks, push hard.");
  await posterPage.getByRole("button", { name: "Send" }).click();
  await expect(posterPage.getByTestId("message")).toHaveCount(1);
  await expect(posterPage.getByLabel("Your message")).toHaveValue("");

  // No reload: the scooper's page hears it over the job's channel.
  await expect(scooperPage.getByTestId("message").first()).toContainText("Customer", { timeout: 15_000 });
  await expect(scooperPage.getByTestId("message").first()).toContainText("The side gate sticks, push hard.");

  await scooperPage.getByLabel("Your message").fill("Got it, here is the gate now.");
  await scooperPage.locator('[data-testid="job-messages"] input[type="file"]').setInputFiles(await pngPhoto("gate.png"));
  await expect(scooperPage.getByText("Ready")).toBeVisible();
  await scooperPage.getByRole("button", { name: "Send" }).click();
  await expect(scooperPage.getByTestId("message")).toHaveCount(2);

  const reply = posterPage.getByTestId("message").nth(1);
  await expect(reply).toContainText("Scooper", { timeout: 15_000 });
  await expect(reply).toContainText("Got it, here is the gate now.");
  await expect(reply.getByRole("img", { name: "photo in a message" })).toBeVisible();
  // The photo is served to the poster (decoded and re-encoded by the pipeline).
  const src = await reply.getByRole("img").getAttribute("src");
  expect((await posterPage.request.get(src!)).headers()["content-type"]).toBe("image/jpeg");

  const axe = await new AxeBuilder({ page: posterPage }).include('[data-testid="job-messages"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await screens(posterPage, "job-messages-poster");
  await screens(scooperPage, "job-messages-scooper");
  await close();
});
