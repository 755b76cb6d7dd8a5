/**
 * Migrates the database and seeds what it needs; prints the demo accounts or the first admin's link.
 * Used by `npm start`, the e2e web server and deployments (`npm run db:setup`).
 */
import { closeDb, getHandle } from "@/db";
import { migrate } from "@/db/migrate";
import { DEMO_PASSWORD, DEMO_USERS, ensureFirstAdmin, seedAccessControl, seedDemo } from "@/db/seed";
import { env } from "@/lib/env";

async function main() {
  const started = Date.now();
  const handle = await getHandle();
  await migrate(handle.db, handle.kind);
  await seedAccessControl(handle.db);
  const where = handle.kind === "pglite" ? `embedded PostgreSQL at ${env.pgliteDir}` : "PostgreSQL from DATABASE_URL";
  console.log(`✓ Database ready (${where}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  if (env.seedDemo) {
    await seedDemo(handle.db);
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD})`);
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(11)} ${u.email}`);
    console.log("");
  }
  if (env.adminEmail) {
    const link = await ensureFirstAdmin(handle.db, env.adminEmail, env.appUrl);
    if (link) console.log(`\nFirst administrator ${env.adminEmail}: set the password (single use, 72 h):\n  ${link}\n`);
  } else if (!env.seedDemo) {
    console.log("No ADMIN_EMAIL set: set it to create the first administrator with a set-password link.");
  }
  await closeDb();
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
