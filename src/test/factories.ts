/** Test data builders. Every call makes fresh rows with unique emails, so tests never depend on each other. */
import crypto from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { createCaller } from "@/server/api/root";
import { createTRPCContext, type Session } from "@/server/api/trpc";
import { db } from "@/server/db";

export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomBytes(6).toString("hex")}@example.test`;
}

export async function createUser(roles: Role[] = ["CUSTOMER"], overrides: { email?: string; name?: string } = {}) {
  return db.user.create({
    data: { email: overrides.email ?? uniqueEmail(roles[0]?.toLowerCase()), name: overrides.name ?? "Test User", roles },
    select: { id: true, email: true, roles: true },
  });
}

export async function createOpenJob(posterId: string, overrides: Partial<{ lat: number; lng: number; priceCents: number; expiresAt: Date }> = {}) {
  return db.cleanupJob.create({
    data: {
      posterId,
      address: "1 Test St, Brooklyn",
      lat: overrides.lat ?? 40.68,
      lng: overrides.lng ?? -73.97,
      priceCents: overrides.priceCents ?? 1500,
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
