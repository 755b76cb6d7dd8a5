import { actorOrThrow } from "@/lib/auth/session";
import { errorJson } from "@/lib/billing/http";
import { exportInvoicesCsv } from "@/lib/billing/queries";
import { invoiceFilterSchema } from "@/lib/billing/schemas";
import { utcDate } from "@/lib/billing/dates";
import { now } from "@/lib/clock";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The filtered invoice list as CSV (accountants, admins), streamed page by page. */
export async function GET(request: Request) {
  try {
    const actor = await actorOrThrow();
    const filters = invoiceFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const parts = exportInvoicesCsv(actor, filters);
    // Pull the first part before answering, so a refusal is a JSON error and not a broken download.
    const first = await parts.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("\uFEFF")); // UTF-8 BOM: spreadsheets read accents right
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        const next = await parts.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await parts.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="invoices-${utcDate(now())}.csv"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorJson(error, "GET /api/invoices/export");
  }
}
