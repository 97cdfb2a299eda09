/**
 * A route for the day (issue 19): a scooper with two claims opens Today from the header and sees them in driving
 * order from their position, with deadlines and a maps link each.
 */
import { expect, test } from "@playwright/test";
import { customerAndScooper, trpcMutate } from "./fixtures";
import { screens } from "./screens";

test("a scooper's Today page lists their claims in driving order with maps links", async ({ browser }) => {
  const { posterPage, scooperPage, close } = await customerAndScooper(browser, "Route");
  await scooperPage.context().grantPermissions(["geolocation"]);
  await scooperPage.context().setGeolocation({ latitude: 40.68, longitude: -73.97 });
  const details = { priceCents: 1900, type: "POOP", pileEstimate: "PILES_1_3", yardSegments: ["N"], publicNotes: null, accessNotes: null };
  // The far stop is claimed first: the route still starts with the near one.
  for (const [address, lat] of [["9 Far Rd, Brooklyn", 40.7], ["1 Near Rd, Brooklyn", 40.682]] as const) {
    const job = (await trpcMutate(posterPage, "jobs.post", { ...details, address, lat, lng: -73.97 })) as { id: string };
    await trpcMutate(scooperPage, "jobs.claim", { jobId: job.id });
  }
  await scooperPage.goto("/board");
  await scooperPage.getByRole("link", { name: "Today" }).first().click();
  await expect(scooperPage.getByTestId("route-summary")).toContainText("2 stops in driving order from where you are");
  const stops = scooperPage.getByTestId("today-stop");
  await expect(stops.nth(0)).toContainText("1 Near Rd, Brooklyn");
  await expect(stops.nth(0)).toContainText("Start by");
  await expect(stops.nth(1)).toContainText("9 Far Rd, Brooklyn");
  await expect(stops.nth(0).getByRole("link", { name: /Open in maps/ })).toHaveAttribute("href", /google\.com\/maps\/dir\/\?api=1&destination=40\.682000,-73\.970000/);
  await screens(scooperPage, "today-route");
  await close();
});
