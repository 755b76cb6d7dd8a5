import { randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { notifications, users } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { RoleKey } from "@/lib/auth/permissions";

export const TEST_PASSWORD = "correct horse battery";
let cachedHash: string | null = null;

/** Creates a verified, active user of a role and returns it as an Actor. */
export async function createUser(
  role: RoleKey,
  opts: { email?: string; name?: string; verified?: boolean; password?: string | null; companyId?: string | null } = {},
): Promise<Actor> {
  const db = await getDb();
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const passwordHash =
    opts.password === null ? null : opts.password === undefined ? cachedHash : await hashPassword(opts.password);
  const email = opts.email ?? `${role}-${randomBytes(4).toString("hex")}@example.test`;
  const [row] = await db
    .insert(users)
    .values({
      name: opts.name ?? `Test ${role}`,
      email,
      roleKey: role,
      passwordHash,
      emailVerifiedAt: opts.verified === false ? null : new Date(),
      companyId: opts.companyId ?? null,
    })
    .returning({ id: users.id });
  const actor = await loadActor(row!.id, 0);
  if (!actor) throw new Error("test user could not be loaded");
  return actor;
}

/** The e-mails queued to an address, newest first (what the mailbox page shows). */
export async function mailsTo(address: string) {
  const db = await getDb();
  return db
    .select({ id: notifications.id, type: notifications.type, subject: notifications.subject, text: notifications.text, html: notifications.html, status: notifications.status })
    .from(notifications)
    .where(eq(notifications.toAddress, address))
    .orderBy(desc(notifications.createdAt));
}

/** Pulls the first link with `?token=` out of a mail's text. */
export function tokenFrom(text: string): string {
  const m = text.match(/[?&]token=([A-Za-z0-9_-]+)/);
  if (!m) throw new Error(`no token link in:\n${text}`);
  return m[1]!;
}
