/**
 * `npm run admin:grant -- <email>`: makes an existing user an admin (the only way besides another admin).
 * Writes an audit row with no actor, meaning "from the command line".
 */
import "dotenv/config";
import { normalizeEmail } from "../src/server/accounts/password";

const email = process.argv[2];
if (!email) {
  console.error("Usage: npm run admin:grant -- <email>");
  process.exit(1);
}
const { db } = await import("../src/server/db");
const { grantRole } = await import("../src/server/accounts/admin-users");
const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, roles: true } });
if (!user) {
  console.error(`No user with email ${email}. They must sign up first.`);
  await db.$disconnect();
  process.exit(1);
}
await grantRole(db, null, user.id, "ADMIN", "granted from the command line");
console.log(`${normalizeEmail(email)} is now an admin.`);
await db.$disconnect();
