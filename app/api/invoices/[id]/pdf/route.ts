import { invoicePdf } from "@/lib/billing/queries";
import { route } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An invoice as a PDF download, for whoever may see the invoice (its client, accountants, admins); anyone else gets 404. */
export const GET = route<{ id: string }>({ name: "GET /api/invoices/[id]/pdf" }, async (_request, { actor, params }) => {
  const { filename, bytes } = await invoicePdf(actor, params.id);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
