import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Cron routes accept `Authorization: Bearer <CRON_SECRET>` (what Vercel Cron sends). Without a
 * configured secret they refuse everything: an open job endpoint is a denial-of-service lever.
 */
export function isCronAuthorized(request: Request): boolean {
  const secret = env.cronSecret;
  if (!secret) return false;
  const given = request.headers.get("authorization") ?? "";
  const expected = `Bearer ${secret}`;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function unauthorizedCron() {
  const message = env.cronSecret ? "Missing or wrong cron secret." : "CRON_SECRET is not configured on this server.";
  return Response.json({ error: { code: "unauthenticated", message } }, { status: 401 });
}
