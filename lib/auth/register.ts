import { eq, isNull, and } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { runNow } from "@/lib/defer";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { queueEmail } from "@/lib/mail/outbox";
import { alreadyRegisteredMail, verifyEmailMail } from "@/lib/mail/templates/account";
import { hashPassword } from "./password";
import { admitMailForm, type MailFormContext } from "./mail-throttle";
import { emailOnlySchema, registerSchema, tokenField, type RegisterInput } from "./schemas";
import { consumeToken, issueToken } from "./tokens";
import { findUserByEmail } from "./users";

export const REGISTERED_MESSAGE =
  "Check your inbox: we sent a link to confirm your address. Follow it, then sign in.";

/**
 * A guest becomes a client. The answer is the same whether or not the address is taken (the owner
 * of an existing account gets a "you already have an account" mail instead), and it is given before
 * the address is looked up: the lookup, the account and the mail are work handed to `ctx.defer`, so
 * neither the words nor the time of the answer say who has an account. Past the per-address limit
 * the answer is the same and nothing is sent.
 */
export async function registerClient(input: unknown, ctx: MailFormContext): Promise<{ message: string }> {
  const data = parseInput(registerSchema, input);
  if (await admitMailForm(await getDb(), "register", data.email, ctx.ip, now())) {
    await (ctx.defer ?? runNow)(() => createClient(data));
  }
  return { message: REGISTERED_MESSAGE };
}

async function createClient({ name, email, password }: RegisterInput) {
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

/** Sends a fresh verification link; the same answer for every address, given before the lookup (see registerClient). */
export async function resendVerification(input: unknown, ctx: MailFormContext): Promise<{ message: string }> {
  const { email } = parseInput(emailOnlySchema, input);
  if (await admitMailForm(await getDb(), "resend-verification", email, ctx.ip, now())) {
    await (ctx.defer ?? runNow)(() => mailVerificationLink(email));
  }
  return { message: RESENT_MESSAGE };
}

async function mailVerificationLink(email: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
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
}
