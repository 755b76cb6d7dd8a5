import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/outbox";
import { resetPasswordMail } from "@/lib/mail/templates/account";
import { hashPassword } from "./password";
import { endAllSessions } from "./sessions";
import { emailOnlySchema, resetPasswordSchema } from "./schemas";
import { consumeToken, issueToken } from "./tokens";
import { findUserByEmail } from "./users";

export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that address, we sent a link to reset the password. It works once, for one hour.";

/** The same answer whether or not the address exists; mail only for an existing, active account. */
export async function requestPasswordReset(input: unknown): Promise<{ message: string }> {
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "Check the highlighted fields.", zodFieldErrors(parsed.error.issues));
  const db = await getDb();
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, parsed.data.email);
    if (!user || !user.active) return;
    const token = await issueToken(tx, user.id, "reset_password", now());
    await queueEmail(tx, {
      type: "account.reset_password",
      to: user.email,
      recipientId: user.id,
      template: resetPasswordMail({ name: user.name, link: `${env.appUrl}/reset-password?token=${token}` }),
    });
  });
  return { message: RESET_REQUESTED_MESSAGE };
}

/**
 * Sets a new password from a reset or set-password link. The link is spent in the same transaction;
 * the session version moves on, so every other session of the user ends. Following a mailed link also
 * proves the address, so an unverified account becomes verified.
 */
export async function resetPassword(input: unknown): Promise<{ email: string }> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "Check the highlighted fields.", zodFieldErrors(parsed.error.issues));
  const passwordHash = await hashPassword(parsed.data.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const spent = await consumeToken(tx, parsed.data.token, ["reset_password", "set_password"], now());
    if (!spent) {
      throw new AppError("invalid", "This link is not valid any more: it may have been used or have expired. Ask for a new one.");
    }
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now().toISOString()}::timestamptz)`,
        updatedAt: now(),
      })
      .where(eq(users.id, spent.userId))
      .returning({ email: users.email });
    await endAllSessions(tx, spent.userId);
    return { email: user!.email };
  });
}
