import { isCronAuthorized, unauthorizedCron } from "@/lib/http/cron";
import { drainOutbox } from "@/lib/mail/sender";

export const dynamic = "force-dynamic";

/** Delivers due outbox mail (retries included). Called by Vercel Cron or any scheduler. */
export async function GET(request: Request) {
  if (!isCronAuthorized(request)) return unauthorizedCron();
  const report = await drainOutbox({ maxBatches: 20 });
  return Response.json({ ok: true, ...report });
}

export const POST = GET;
