import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { recordAttempt, throttleWait } from "./throttle";

export type AuthenticatedUser = { id: string; name: string; email: string; role: string; sessionVersion: number };

/**
 * Checks e-mail and password for sign-in. Refuses, in this order: too many recent failures (per
 * account and per IP), a wrong e-mail or password (one message for both), an unverified address,
 * a deactivated account. Every outcome is recorded for the throttle.
 */
export async function authenticate(input: unknown, ip: string): Promise<AuthenticatedUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "Enter your e-mail address and password.");
  const { email, password } = parsed.data;
  const at = now();
  const db = await getDb();

  const wait = await throttleWait(db, email, ip, at);
  if (wait !== null) {
    throw new AppError(
      "throttled",
      `Too many failed sign-in attempts. Try again in ${wait} minute${wait === 1 ? "" : "s"}, or reset your password.`,
    );
  }

  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.roleKey,
      passwordHash: users.passwordHash,
      emailVerifiedAt: users.emailVerifiedAt,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));

  const ok = await verifyPassword(password, user?.passwordHash ?? null);
  await recordAttempt(db, email, ip, ok, at);
  if (!user || !ok) throw new AppError("invalid", "Wrong e-mail address or password.");
  if (!user.active) throw new AppError("forbidden", "This account has been deactivated. Contact your administrator.");
  if (!user.emailVerifiedAt) {
    throw new AppError("unverified", "Confirm your e-mail address first: follow the link we sent you, or ask for a new one.");
  }
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}
