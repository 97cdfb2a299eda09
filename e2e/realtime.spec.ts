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

test("a job posted while a scooper watches the board appears on their map without the map asking the server again", async ({ browser }) => {
  const contexts = await Promise.all([personContext(browser), personContext(browser)]);
  const [customer, scooper] = await Promise.all(contexts.map((c) => c.newPage()));
  const price = distinctivePrice(47);
  await signUpAndConfirm(customer!, { name: "Paula Poster", email: uniqueEmail("rt-pin-customer"), password: "customer pass 123" });
  await signUpAndConfirm(scooper!, { name: "Sam Scooper", email: uniqueEmail("rt-pin-scooper"), password: "scooper pass 123", scooper: true });

  const board = await watchBoard(scooper!, price);
  await expect(board.map.getByTestId("open-count")).not.toHaveText(/Loading/);
  await expect(board.pin).toHaveCount(0);
  // From here on, every request the map makes for its view is counted: the new pin must come from the event alone.
  const boardRequests: string[] = [];
  scooper!.on("request", (req) => req.url().includes("jobs.board") && boardRequests.push(req.url()));

  await postJob(customer!, { address: "47 Live Street, Brooklyn", price });
  await expect(board.pin).toHaveCount(1);
  expect(boardRequests).toEqual([]);

  await Promise.all(contexts.map((c) => c.close()));
});
