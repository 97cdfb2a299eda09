import { expect, test } from "@playwright/test";
import { distinctivePrice, personContext, postJob, signUpAndConfirm, uniqueEmail, watchBoard } from "./fixtures";

test("when one scooper claims a job, its pin leaves the other scooper's map without a reload", async ({ browser }) => {
  const contexts = await Promise.all([personContext(browser), personContext(browser), personContext(browser)]);
  const [customer, alice, bob] = await Promise.all(contexts.map((c) => c.newPage()));
  const price = distinctivePrice(49);

  await signUpAndConfirm(customer!, { name: "Rita Realtime", email: uniqueEmail("rt-customer"), password: "customer pass 123" });
  const jobId = await postJob(customer!, { address: "49 Live Street, Brooklyn", price });

  await signUpAndConfirm(alice!, { name: "Alice Scooper", email: uniqueEmail("rt-alice"), password: "scooper pass 123", scooper: true });
  await signUpAndConfirm(bob!, { name: "Bob Scooper", email: uniqueEmail("rt-bob"), password: "scooper pass 123", scooper: true });
  const aliceBoard = await watchBoard(alice!, price);
  const bobBoard = await watchBoard(bob!, price);
  await expect(aliceBoard.pin).toHaveCount(1);
  await expect(bobBoard.pin).toHaveCount(1);
  // Marks Bob's page: if it reloaded, the mark would be gone.
  await bob!.evaluate(() => ((window as unknown as { e2eMark: number }).e2eMark = 1));

  // Alice claims from the job page in another tab; both maps stay open.
  const aliceJob = await contexts[1]!.newPage();
  await aliceJob.goto(`/jobs/${jobId}`);
  await aliceJob.getByRole("button", { name: "Claim this job" }).click();
  await expect(aliceJob.getByTestId("job-status")).toHaveText("Claimed");

  await expect(bobBoard.pin).toHaveCount(0);
  expect(await bob!.evaluate(() => (window as unknown as { e2eMark?: number }).e2eMark)).toBe(1);

  await Promise.all(contexts.map((c) => c.close()));
});
