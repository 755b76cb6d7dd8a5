import { actorOrThrow } from "@/lib/auth/session";
import { errorJson } from "@/lib/billing/http";
import { invoicePdf } from "@/lib/billing/queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An invoice as a PDF download, for whoever may see the invoice (its client, accountants, admins). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await actorOrThrow();
    const { id } = await params;
    const { filename, bytes } = await invoicePdf(actor, id);
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Content-Length": String(bytes.byteLength),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorJson(error, "GET /api/invoices/[id]/pdf");
  }
}
