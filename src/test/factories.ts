/** Test data builders. Every call makes fresh rows with unique emails, so tests never depend on each other. */
import crypto from "node:crypto";
import type { JobStatus, PhotoKind, Role } from "@/generated/prisma/enums";
import { createCaller } from "@/server/api/root";
import { createTRPCContext, type Session } from "@/server/api/trpc";
import { db } from "@/server/db";
import { currentFeeRates } from "@/server/payments/fees";

export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomBytes(6).toString("hex")}@example.test`;
}

/** Scoopers come with a complete onboarding profile (pass `onboarded: false` for one who has not filled it in). */
export async function createUser(roles: Role[] = ["CUSTOMER"], overrides: { email?: string; name?: string; onboarded?: boolean } = {}) {
  const onboarded = roles.includes("SCOOPER") && overrides.onboarded !== false;
  return db.user.create({
    data: {
      email: overrides.email ?? uniqueEmail(roles[0]?.toLowerCase()), name: overrides.name ?? "Test User", roles,
      ...(onboarded && { scooperProfile: { create: completeScooperProfile } }),
    },
    select: { id: true, email: true, roles: true },
  });
}

export const completeScooperProfile = { displayName: "Test Scooper", photoKey: "test/profile.jpg", serviceLat: 40.68, serviceLng: -73.97, serviceRadiusKm: 10 };

export async function createOpenJob(posterId: string, overrides: Partial<{ lat: number; lng: number; priceCents: number; expiresAt: Date }> = {}) {
  return db.cleanupJob.create({
    data: {
      posterId,
      address: "1 Test St, Brooklyn",
      lat: overrides.lat ?? 40.68,
      lng: overrides.lng ?? -73.97,
      priceCents: overrides.priceCents ?? 1500,
      ...currentFeeRates(),
      type: "POOP",
      pileEstimate: "PILES_1_3",
      yardSegments: ["N"],
      expiresAt: overrides.expiresAt ?? new Date(Date.now() + 24 * 3600 * 1000),
    },
  });
}

/** A tRPC caller as `user` (or anonymous), going through the same procedures and middleware as HTTP. */
export function callerFor(user: { id: string; email: string; roles: Role[] } | null, headers = new Headers()) {
  const session: Session | null = user ? { user: { id: user.id, email: user.email, roles: user.roles } } : null;
  return callerWithSession(session, headers);
}

export function callerWithSession(session: Session | null, headers = new Headers()) {
  return createCaller(createTRPCContext({ headers, session }));
}

/** A fresh IP per test, so rate limits of one test never touch another. */
export function uniqueIpHeaders(): Headers {
  const b = crypto.randomBytes(3);
  return new Headers({ "x-forwarded-for": `10.${b[0]}.${b[1]}.${b[2]}` });
}

type TestUser = { id: string; email: string; roles: Role[] };

/** A job in any state, built directly (the transitions themselves are tested through the API). */
export async function createJobInState(
  poster: { id: string },
  status: JobStatus,
  opts: { scooper?: { id: string }; accessNotes?: string; expiresAt?: Date; startDeadlineAt?: Date; autoConfirmAt?: Date; priceCents?: number } = {},
) {
  const job = await createOpenJob(poster.id, { expiresAt: opts.expiresAt, priceCents: opts.priceCents });
  const now = new Date();
  return db.cleanupJob.update({
    where: { id: job.id },
    data: {
      status,
      accessNotes: opts.accessNotes,
      scooperId: opts.scooper?.id,
      claimedAt: opts.scooper ? now : undefined,
      startDeadlineAt: opts.startDeadlineAt ?? (status === "CLAIMED" ? new Date(now.getTime() + 7_200_000) : undefined),
      startedAt: status === "IN_PROGRESS" || status === "COMPLETED" ? now : undefined,
      completedAt: status === "COMPLETED" ? now : undefined,
      autoConfirmAt: opts.autoConfirmAt ?? (status === "COMPLETED" ? new Date(now.getTime() + 86_400_000) : undefined),
    },
  });
}

/** A photo row (no file) so "at least one after photo" can be met without the upload pipeline. */
export async function addPhotoRow(jobId: string, uploader: { id: string }, kind: PhotoKind = "AFTER") {
  return db.photo.create({
    data: { jobId, uploaderId: uploader.id, kind, status: "READY", originalKey: `test/${crypto.randomUUID()}.jpg`, mimeType: "image/jpeg", bytes: 1 },
  });
}

/** A customer, a scooper and an admin with their callers. */
export async function cast() {
  const [customer, scooper, otherScooper, admin] = await Promise.all([
    createUser(["CUSTOMER"]),
    createUser(["SCOOPER"]),
    createUser(["SCOOPER"]),
    createUser(["ADMIN"]),
  ]);
  const as = (u: TestUser) => ({ ...u, api: callerFor(u) });
  return { customer: as(customer), scooper: as(scooper), otherScooper: as(otherScooper), admin: as(admin) };
}

type Caller = { id: string; api: ReturnType<typeof callerFor> };

/** Claims, starts (with an after photo) and completes an OPEN job as `scooper`, through the API. */
export async function doTheWork(scooper: Caller, jobId: string): Promise<void> {
  await scooper.api.jobs.claim({ jobId });
  await scooper.api.jobs.start({ jobId });
  await addPhotoRow(jobId, scooper);
  await scooper.api.jobs.complete({ jobId });
}

export const validJobInput = {
  address: "12 Test Ave, Brooklyn",
  lat: 40.68,
  lng: -73.97,
  priceCents: 2000,
  type: "POOP" as const,
  pileEstimate: "PILES_4_8" as const,
  yardSegments: ["N" as const, "E" as const],
  publicNotes: "Two dogs, big yard",
  accessNotes: "Gate code 4321",
};
