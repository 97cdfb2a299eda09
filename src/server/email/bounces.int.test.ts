/**
 * Email that bounces: Resend's Svix-signed webhook marks the address; the worker's send then holds back every
 * kind but password resets; the profile says so and lets the owner try the address again. Signed fake events,
 * the real route handler, database and send path (dev-mailbox transport).
 */
import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";

const SECRET = vi.hoisted(() => (process.env.RESEND_WEBHOOK_SECRET = `whsec_${Buffer.from("resend-test-signing-key-0123456789").toString("base64")}`));

import { db } from "@/server/db";
import { callerFor, createUser } from "@/test/factories";
import { POST } from "../../app/api/webhooks/resend/route";
import { deliverEmail, queueEmail } from "./send-email";
import { svixSignature } from "./svix-signature";

function signedRequest(event: unknown, opts: { secret?: string; at?: Date; tamper?: boolean } = {}) {
  const body = JSON.stringify(event);
  const id = `msg_${crypto.randomBytes(8).toString("hex")}`;
  const timestamp = String(Math.floor((opts.at ?? new Date()).getTime() / 1000));
  const signature = svixSignature(opts.secret ?? SECRET, id, timestamp, body);
  return new Request("http://localhost/api/webhooks/resend", {
    method: "POST",
    headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` },
    body: opts.tamper ? body.replace("bounced", "delivered") : body,
  });
}

const bounced = (to: string) => ({
  type: "email.bounced",
  created_at: new Date().toISOString(),
  data: { email_id: crypto.randomUUID(), to: [to], subject: "Your job was claimed", bounce: { message: "Mailbox does not exist", type: "Permanent" } },
});

async function send(kind: string, to: string, userId: string) {
  const id = await queueEmail(db, { kind, to, userId, subject: `${kind} subject`, html: "<p>hi</p>", text: "hi" });
  await deliverEmail(db, id);
  return (await db.emailMessage.findUniqueOrThrow({ where: { id } })).status;
}

describe("Resend bounce and complaint webhooks", () => {
  it("refuses an unsigned, wrongly signed, tampered or stale event and marks nothing", async () => {
    const user = await createUser(["CUSTOMER"]);
    const event = bounced(user.email);
    const unsigned = new Request("http://localhost/api/webhooks/resend", { method: "POST", body: JSON.stringify(event) });
    const responses = await Promise.all([
      POST(unsigned),
      POST(signedRequest(event, { secret: `whsec_${Buffer.from("another-key").toString("base64")}` })),
      POST(signedRequest(event, { tamper: true })),
      POST(signedRequest(event, { at: new Date(Date.now() - 10 * 60_000) })),
    ]);
    expect(responses.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(await db.emailSuppression.count({ where: { address: user.email } })).toBe(0);
  });

  it("marks a bounced address: only password resets go to it, the profile says so, and the owner can try it again", async () => {
    const user = await createUser(["CUSTOMER"]);
    expect(await send("job-claimed", user.email, user.id)).toBe("SENT");

    const res = await POST(signedRequest(bounced(user.email.toUpperCase())));
    expect(res.status).toBe(200);
    // A redelivery of the same kind of event changes nothing more.
    expect((await POST(signedRequest(bounced(user.email)))).status).toBe(200);
    expect(await db.emailSuppression.findMany({ where: { address: user.email } })).toEqual([
      expect.objectContaining({ reason: "bounced", detail: "Mailbox does not exist" }),
    ]);

    expect(await send("job-claimed", user.email, user.id)).toBe("SUPPRESSED");
    expect(await send("receipt", user.email, user.id)).toBe("SUPPRESSED");
    expect(await send("password-reset", user.email, user.id)).toBe("SENT");

    const api = callerFor(user);
    expect((await api.accounts.me()).undeliverable).toEqual([expect.objectContaining({ address: user.email, reason: "bounced" })]);
    const after = await api.accounts.retryEmailAddresses();
    expect(after.undeliverable).toEqual([]);
    expect(await send("job-claimed", user.email, user.id)).toBe("SENT");
    await expect(callerFor(null).accounts.retryEmailAddresses()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("marks a complaint too, and ignores other event types", async () => {
    const [complainer, delivered] = [await createUser(["CUSTOMER"]), await createUser(["CUSTOMER"])];
    const complaint = { type: "email.complained", created_at: new Date().toISOString(), data: { email_id: "e1", to: [`Pat <${complainer.email}>`] } };
    expect((await POST(signedRequest(complaint))).status).toBe(200);
    expect((await POST(signedRequest({ ...bounced(delivered.email), type: "email.delivered" }))).status).toBe(200);
    expect(await db.emailSuppression.findUnique({ where: { address: complainer.email } })).toMatchObject({ reason: "complained" });
    expect(await db.emailSuppression.findUnique({ where: { address: delivered.email } })).toBeNull();
    expect((await callerFor(complainer).accounts.me()).undeliverable).toEqual([expect.objectContaining({ reason: "complained" })]);
  });
});
