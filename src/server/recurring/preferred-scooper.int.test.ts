/**
 * The recurring form's preferred scooper: chosen among scoopers who have done a job for this customer (the
 * ★ first-refusal feature, reachable from the form and not only the API).
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { cast, createJobInState, createUser, callerFor } from "@/test/factories";

const input = (preferredScooperId: string | null) => ({
  frequency: "WEEKLY" as const, firstServiceDate: "2033-03-01", address: "9 Elm St, Queens", lat: 40.72, lng: -73.84, priceCents: 2200,
  type: "POOP" as const, pileEstimate: "PILES_1_3" as const, yardSegments: ["E" as const], preferredScooperId,
});

describe("preferred scooper choices", () => {
  it("offers the scoopers who have done a job for this customer, and accepts only them", async () => {
    const { customer, scooper: done, otherScooper: onlyClaimed } = await cast();
    const stranger = await createUser(["SCOOPER"], { name: "Stranger" });
    await db.user.update({ where: { id: done.id }, data: { name: "Dana" } });
    await createJobInState(customer, "CONFIRMED", { scooper: done });
    await createJobInState(customer, "COMPLETED", { scooper: done });
    await createJobInState(customer, "CLAIMED", { scooper: onlyClaimed });
    // A job the stranger did for someone else does not count.
    await createJobInState(await createUser(["CUSTOMER"]), "CONFIRMED", { scooper: stranger });

    expect(await customer.api.recurring.preferredScooperChoices()).toEqual([{ id: done.id, name: "Dana", jobsDone: 2 }]);

    for (const id of [onlyClaimed.id, stranger.id, customer.id]) {
      await expect(customer.api.recurring.create(input(id))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const sub = await customer.api.recurring.create(input(done.id));
    expect(sub.preferredScooperId).toBe(done.id);
    expect(await db.recurringCleanup.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("drops a banned scooper from the choices but lets an existing preference be kept on edit", async () => {
    const { customer, scooper } = await cast();
    await createJobInState(customer, "CONFIRMED", { scooper });
    const sub = await customer.api.recurring.create(input(scooper.id));
    await db.user.update({ where: { id: scooper.id }, data: { status: "BANNED" } });
    expect(await customer.api.recurring.preferredScooperChoices()).toEqual([]);
    const edited = await customer.api.recurring.update({ id: sub.id, data: { ...input(scooper.id), priceCents: 2500 } });
    expect(edited).toMatchObject({ priceCents: 2500, preferredScooperId: scooper.id });
  });

  it("is for customers only", async () => {
    const { scooper } = await cast();
    await expect(scooper.api.recurring.preferredScooperChoices()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).recurring.preferredScooperChoices()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
