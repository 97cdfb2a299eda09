/**
 * `npm run db:seed`: demo users and 32 open jobs. Idempotent: users are upserted by email and jobs by fixed
 * ids; a demo job that expired or was cancelled is put back on the map with a fresh 24h expiry.
 * Refuses to run in production: the demo passwords are public.
 */
import "dotenv/config";
import { hashPassword } from "../src/server/accounts/password";
import { DEFAULT_ATTESTATIONS, DEMO_USERS, SEED_JOBS } from "./seed-data";

if (process.env.NODE_ENV === "production" && process.env.ALLOW_DEMO_SEED !== "1") {
  console.error("Refusing to seed demo users with public passwords in production (set ALLOW_DEMO_SEED=1 to override).");
  process.exit(1);
}

const { db } = await import("../src/server/db");
const { currentFeeRates } = await import("../src/server/payments/fees");

const users = new Map<string, string>();
for (const u of DEMO_USERS) {
  const user = await db.user.upsert({
    where: { email: u.email },
    update: {},
    // Demo scoopers are approved, so they claim with SCOOPER_APPROVAL=1 too.
    create: {
      email: u.email, name: u.name, roles: [...u.roles], passwordHash: await hashPassword(u.password), emailVerified: new Date(),
      scooperApprovedAt: (u.roles as readonly string[]).includes("SCOOPER") ? new Date() : null,
    },
    select: { id: true },
  });
  users.set(u.email, user.id);
}

// The default onboarding statements (only into an empty table: admins may have reworded them), and demo scoopers
// onboarded: a profile with a photo in storage, every active statement accepted.
if ((await db.attestation.count()) === 0) {
  await db.attestation.createMany({ data: DEFAULT_ATTESTATIONS.map((text) => ({ text, required: true })) });
}
const { getStorage } = await import("../src/server/storage/storage");
const sharp = (await import("sharp")).default;
const statements = await db.attestation.findMany({ where: { active: true }, select: { id: true, version: true, text: true } });
for (const u of DEMO_USERS.filter((d) => (d.roles as readonly string[]).includes("SCOOPER"))) {
  const userId = users.get(u.email)!;
  const photoKey = `scoopers/${userId}/demo.jpg`;
  await getStorage().put(photoKey, await sharp({ create: { width: 512, height: 512, channels: 3, background: { r: 60, g: 140, b: 90 } } }).jpeg().toBuffer(), "image/jpeg");
  const profile = { displayName: u.name, photoKey, serviceLat: 40.6782, serviceLng: -73.9442, serviceRadiusKm: 10 };
  await db.scooperProfile.upsert({ where: { userId }, create: { userId, ...profile }, update: {} });
  await db.attestationAcceptance.createMany({
    data: statements.map((s) => ({ userId, attestationId: s.id, version: s.version, text: s.text })),
    skipDuplicates: true,
  });
}

const posterId = users.get("customer@scoop.test")!;
const expiresAt = () => new Date(Date.now() + 24 * 3600 * 1000);
let created = 0;
let reopened = 0;
for (const [i, job] of SEED_JOBS.entries()) {
  const id = `seed-job-${String(i + 1).padStart(2, "0")}`;
  const existing = await db.cleanupJob.findUnique({ where: { id }, select: { status: true, expiresAt: true } });
  if (!existing) {
    await db.cleanupJob.create({
      data: {
        id,
        posterId,
        ...job,
        ...currentFeeRates(),
        expiresAt: expiresAt(),
        events: { create: { type: "posted", toStatus: "OPEN", actorId: posterId, details: { seed: true } } },
      },
    });
    created++;
  } else if (existing.status === "EXPIRED" || existing.status === "CANCELLED" || (existing.status === "OPEN" && existing.expiresAt < new Date())) {
    await db.cleanupJob.update({
      where: { id },
      data: { status: "OPEN", scooperId: null, expiresAt: expiresAt(), expiredAt: null, cancelledAt: null, cancelReason: null },
    });
    reopened++;
  }
}

console.log(`Seeded ${DEMO_USERS.length} demo users and ${SEED_JOBS.length} demo jobs (${created} created, ${reopened} reopened).`);
if (process.env.NODE_ENV !== "production") {
  console.log("Demo sign-ins (development only):");
  for (const u of DEMO_USERS) console.log(`  ${u.roles.join("+").padEnd(24)} ${u.email} / ${u.password}`);
}
await db.$disconnect();
