import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Conn } from "@/db";
import { userTokens } from "@/db/schema";

export type TokenPurpose = (typeof userTokens.$inferSelect)["purpose"];

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  set_password: 72 * 60 * 60 * 1000,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a token and stores only its hash. Earlier unused tokens of the same purpose stop working. */
export async function issueToken(tx: Conn, userId: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
  await tx.insert(userTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
  });
  return token;
}

/**
 * Spends a token: one conditional UPDATE, so two requests racing with the same link cannot both win.
 * Returns the user id, or null when the token is unknown, used, expired or for another purpose.
 */
export async function consumeToken(
  tx: Conn,
  token: string,
  purpose: TokenPurpose | TokenPurpose[],
  now = new Date(),
) {
  const purposes = Array.isArray(purpose) ? purpose : [purpose];
  const [row] = await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        inArray(userTokens.purpose, purposes),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .returning({ userId: userTokens.userId, purpose: userTokens.purpose });
  return row ?? null;
}
