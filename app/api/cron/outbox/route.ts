import { route } from "@/lib/http/route";
import { drainOutbox } from "@/lib/mail/sender";

export const dynamic = "force-dynamic";

/** Delivers due outbox mail (retries included). Called by Vercel Cron or any scheduler. */
export const GET = route({ name: "cron/outbox", caller: "cron" }, async () => {
  const report = await drainOutbox({ maxBatches: 20 });
  return Response.json({ ok: true, ...report });
});

export const POST = GET;
