import { utcDate } from "@/lib/billing/dates";
import { exportInvoicesCsv } from "@/lib/billing/queries";
import { invoiceFilterSchema } from "@/lib/billing/schemas";
import { now } from "@/lib/clock";
import { route } from "@/lib/http/route";
import { readSearchParams } from "@/lib/search-params";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The filtered invoice list as CSV (accountants, admins), streamed page by page. */
export const GET = route({ name: "GET /api/invoices/export" }, async (request, { actor }) => {
  const url = new URL(request.url);
  const filters = readSearchParams(Object.fromEntries(url.searchParams), invoiceFilterSchema.shape);
  const parts = exportInvoicesCsv(actor, filters);
  // Pull the first part (the header and the first page: the first query has run) before answering,
  // so a refusal or a failure is a JSON error and not a download that breaks off.
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
});
