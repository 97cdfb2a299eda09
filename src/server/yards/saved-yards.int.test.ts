/**
 * Saved yards through the API: only their owner lists, edits or deletes them; a job posted with a yard's details
 * keeps them when the yard changes; the limit holds; bad input is refused with field issues.
 */
import { describe, expect, it } from "vitest";
import { yardJobNotes } from "@/lib/yards";
import { exportAccountData } from "@/server/accounts/account-data";
import { db } from "@/server/db";
import { cast } from "@/test/factories";
import { MAX_SAVED_YARDS } from "./saved-yards";

const home = {
  label: "Home", address: "40 Saved Yard Rd, Brooklyn", postalCode: "11215", lat: 40.67, lng: -73.98, priceCents: 2200, type: "POOP" as const,
  pileEstimate: "PILES_4_8" as const, litterLevel: "HEAVY" as const, yardSegments: ["N" as const, "S" as const, "N" as const], publicNotes: "Side gate",
  accessNotes: "Code 9911", dogCount: 2, unsafeDog: true,
};

describe("saved yards", () => {
  it("a customer saves, lists, edits and deletes their own yards; a job posted from one keeps its copy", async () => {
    const { customer } = await cast();
    const yard = await customer.api.yards.create(home);
    // A POOP yard keeps no litter level; segments are de-duplicated.
    expect(yard).toMatchObject({ label: "Home", postalCode: "11215", litterLevel: null, yardSegments: ["N", "S"], accessNotes: "Code 9911", unsafeDog: true });
    expect((await customer.api.yards.list()).map((y) => y.id)).toEqual([yard.id]);

    // Posting from the yard: the form sends the yard's fields, with the dog words in the public notes.
    const { id: jobId } = await customer.api.jobs.post({
      address: yard.address, lat: yard.lat, lng: yard.lng, priceCents: yard.priceCents, type: yard.type, pileEstimate: yard.pileEstimate,
      litterLevel: yard.litterLevel, yardSegments: yard.yardSegments, publicNotes: yardJobNotes(yard), accessNotes: yard.accessNotes,
    });
    await customer.api.yards.update({ id: yard.id, data: { ...home, address: "41 Moved Rd, Brooklyn", accessNotes: "New code 1234", dogCount: 0, unsafeDog: false } });
    const job = await customer.api.jobs.byId({ jobId });
    expect(job).toMatchObject({
      address: "40 Saved Yard Rd, Brooklyn", accessNotes: "Code 9911",
      publicNotes: "2 dogs. Unsafe dog: it must be kept inside before you enter. Side gate",
    });
    expect((await customer.api.yards.list())[0]).toMatchObject({ address: "41 Moved Rd, Brooklyn", accessNotes: "New code 1234", dogCount: 0 });

    await customer.api.yards.delete({ id: yard.id });
    expect(await customer.api.yards.list()).toEqual([]);
    expect((await customer.api.jobs.byId({ jobId })).address).toBe("40 Saved Yard Rd, Brooklyn");
  });

  it("nobody else reads or changes a customer's yards, and a scooper has no yards", async () => {
    const { customer, scooper, admin } = await cast();
    const other = (await cast()).customer;
    const yard = await customer.api.yards.create(home);
    expect(await other.api.yards.list()).toEqual([]);
    await expect(other.api.yards.update({ id: yard.id, data: home })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.api.yards.delete({ id: yard.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(scooper.api.yards.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.api.yards.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await customer.api.yards.list())[0]).toMatchObject({ accessNotes: "Code 9911" });
  });

  it("refuses bad input with field issues and holds the per-customer limit", async () => {
    const { customer } = await cast();
    await expect(customer.api.yards.create({ ...home, postalCode: "ABC" })).rejects.toMatchObject({
      code: "BAD_REQUEST", cause: expect.objectContaining({ issues: expect.arrayContaining([expect.objectContaining({ path: ["postalCode"] })]) }),
    });
    await expect(customer.api.yards.create({ ...home, label: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(customer.api.yards.create({ ...home, dogCount: 21 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(customer.api.yards.create({ ...home, type: "LITTER", litterLevel: null })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await Promise.all(Array.from({ length: MAX_SAVED_YARDS + 2 }, (_, i) => customer.api.yards.create({ ...home, label: `Yard ${i}` }).catch((e: { code?: string }) => e.code)));
    expect(await customer.api.yards.list()).toHaveLength(MAX_SAVED_YARDS);
    await expect(customer.api.yards.create(home)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("are in the customer's data export and gone with their account", async () => {
    const { customer } = await cast();
    const yard = await customer.api.yards.create(home);
    expect((await exportAccountData(db, customer.id)).savedYards).toEqual([expect.objectContaining({ id: yard.id, accessNotes: "Code 9911" })]);
    await customer.api.accounts.deleteAccount({ confirmEmail: customer.email });
    expect(await db.savedYard.count({ where: { customerId: customer.id } })).toBe(0);
  });
});
