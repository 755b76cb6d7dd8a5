import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { endAllSessions } from "./sessions";
import { changePasswordSchema, profileSchema } from "./schemas";

export async function updateProfile(actor: Actor, input: unknown) {
  const parsed = parseInput(profileSchema, input);
  const db = await getDb();
  await db.update(users).set({ name: parsed.name, updatedAt: now() }).where(eq(users.id, actor.id));
  return { name: parsed.name };
}

/** Changes the password after checking the current one; every session of the user ends (the caller signs in again). */
export async function changePassword(actor: Actor, input: unknown) {
  const parsed = parseInput(changePasswordSchema, input);
  const db = await getDb();
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!row || !(await verifyPassword(parsed.currentPassword, row.hash))) {
    throw new AppError("invalid", "Check the highlighted fields.", { currentPassword: "That is not your current password." });
  }
  const passwordHash = await hashPassword(parsed.password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now() })
      .where(eq(users.id, actor.id));
    await endAllSessions(tx, actor.id);
  });
  return { email: actor.email };
}
