import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { runNow } from "@/lib/defer";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { queueEmail } from "@/lib/mail/outbox";
import { resetPasswordMail } from "@/lib/mail/templates/account";
import { hashPassword } from "./password";
import { admitMailForm, type MailFormContext } from "./mail-throttle";
import { endAllSessions } from "./sessions";
import { emailOnlySchema, resetPasswordSchema } from "./schemas";
import { consumeToken, issueToken } from "./tokens";
import { findUserByEmail } from "./users";

export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that address, we sent a link to reset the password. It works once, for one hour.";

/**
 * The same answer whether or not the address exists, given before the address is looked up: the
 * lookup, the token and the mail are work handed to `ctx.defer`, so the time of the answer does not
 * tell either. Mail only for an existing, active account, and not past the per-address limit.
 */
export async function requestPasswordReset(input: unknown, ctx: MailFormContext): Promise<{ message: string }> {
  const { email } = parseInput(emailOnlySchema, input);
  if (await admitMailForm(await getDb(), "forgot-password", email, ctx.ip, now())) {
    await (ctx.defer ?? runNow)(() => mailResetLink(email));
  }
  return { message: RESET_REQUESTED_MESSAGE };
}

async function mailResetLink(email: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || !user.active) return;
    const token = await issueToken(tx, user.id, "reset_password", now());
    await queueEmail(tx, {
      type: "account.reset_password",
      to: user.email,
      recipientId: user.id,
      template: resetPasswordMail({ name: user.name, link: `${env.appUrl}/reset-password?token=${token}` }),
    });
  });
}

/**
 * Sets a new password from a reset or set-password link. The link is spent in the same transaction;
 * the session version moves on, so every other session of the user ends. Following a mailed link also
 * proves the address, so an unverified account becomes verified.
 */
export async function resetPassword(input: unknown): Promise<{ email: string }> {
  const parsed = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(parsed.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const spent = await consumeToken(tx, parsed.token, ["reset_password", "set_password"], now());
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
