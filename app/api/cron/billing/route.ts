import { utcDate } from "@/lib/billing/dates";
import { runBilling } from "@/lib/billing/run";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { DATE_RANGE_MESSAGE, isSafeDate } from "@/lib/input";
import { kickOutbox } from "@/lib/mail/kick";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

/**
 * The daily billing job (Vercel Cron, declared in vercel.json, or any scheduler):
 * `Authorization: Bearer $CRON_SECRET`. Bills what is due today (UTC), or `?date=YYYY-MM-DD`.
 * Safe to call twice or from several instances at once: no period is billed twice.
 */
export const GET = route({ name: "cron/billing", caller: "cron" }, async (request) => {
  const date = new URL(request.url).searchParams.get("date") ?? utcDate(now());
  if (!isSafeDate(date)) throw new AppError("invalid", `date must look like 2025-01-31. ${DATE_RANGE_MESSAGE}`);
  const report = await runBilling({ date });
  if (report.failures.length) console.error(`[cron/billing] ${report.failures.length} order(s) failed`, report.failures);
  kickOutbox();
  return Response.json({ ok: report.failures.length === 0, ...report });
});

export const POST = GET;
