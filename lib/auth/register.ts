import { eq, isNull, and } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { queueEmail } from "@/lib/mail/outbox";
import { alreadyRegisteredMail, verifyEmailMail } from "@/lib/mail/templates/account";
import { hashPassword } from "./password";
import { emailOnlySchema, registerSchema, tokenField } from "./schemas";
import { consumeToken, issueToken } from "./tokens";
import { findUserByEmail } from "./users";

export const REGISTERED_MESSAGE =
  "Check your inbox: we sent a link to confirm your address. Follow it, then sign in.";

/**
 * A guest becomes a client. The answer is the same whether or not the address is taken (the owner
 * of an existing account gets a "you already have an account" mail instead), so registration
 * cannot be used to discover who has an account.
 */
export async function registerClient(input: unknown): Promise<{ message: string }> {
  const parsed = parseInput(registerSchema, input);
  const { name, email, password } = parsed;
  const passwordHash = await hashPassword(password);
  const db = await getDb();

  await db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      await queueEmail(tx, {
        type: "account.already_registered",
        to: existing.email,
        recipientId: existing.id,
        template: alreadyRegisteredMail({ name: existing.name, signInLink: `${env.appUrl}/sign-in`, resetLink: `${env.appUrl}/forgot-password` }),
      });
      return;
    }
    const [user] = await tx
      .insert(users)
      .values({ name, email, passwordHash, roleKey: "client" })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) return; // lost a race with a registration of the same address: same answer
    const token = await issueToken(tx, user.id, "verify_email", now());
    await queueEmail(tx, {
      type: "account.verify_email",
      to: email,
      recipientId: user.id,
      template: verifyEmailMail({ name, link: `${env.appUrl}/verify?token=${token}` }),
    });
  });
  return { message: REGISTERED_MESSAGE };
}

/** Follows a verification link: marks the address verified. Single use; expired or unknown → a clear error. */
export async function verifyEmail(token: unknown): Promise<{ email: string }> {
  const spentLink = () =>
    new AppError("invalid", "This confirmation link is not valid any more. It may have been used or have expired: ask for a new one.");
  // Whatever a link can carry; anything else was never one of ours.
  const link = tokenField.safeParse(token);
  if (!link.success) throw spentLink();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const spent = await consumeToken(tx, link.data, "verify_email", now());
    if (!spent) throw spentLink();
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: now(), updatedAt: now() })
      .where(eq(users.id, spent.userId))
      .returning({ email: users.email });
    return { email: user!.email };
  });
}

export const RESENT_MESSAGE = "If that address has an account waiting for confirmation, a new link is on its way.";

/** Sends a fresh verification link; the same answer for every address. */
export async function resendVerification(input: unknown): Promise<{ message: string }> {
  const parsed = parseInput(emailOnlySchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, parsed.email);
    if (!user || user.emailVerifiedAt || !user.active) return;
    const [still] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, user.id), isNull(users.emailVerifiedAt)));
    if (!still) return;
    const token = await issueToken(tx, user.id, "verify_email", now());
    await queueEmail(tx, {
      type: "account.verify_email",
      to: user.email,
      recipientId: user.id,
      template: verifyEmailMail({ name: user.name, link: `${env.appUrl}/verify?token=${token}` }),
    });
  });
  return { message: RESENT_MESSAGE };
}
