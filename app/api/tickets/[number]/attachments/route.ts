import { metaFrom } from "@/lib/attachments/dto";
import { jsonResponse, SAFE_HEADERS } from "@/lib/attachments/http";
import { uploadBodyFrom } from "@/lib/attachments/multipart";
import { uploadTicketAttachments } from "@/lib/attachments/upload";
import { route } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Seed 001 "upload-ticket-file": multipart files attached to the ticket itself. Same-origin only. */
export const POST = route<{ number: string }>({ name: "POST /api/tickets/[number]/attachments", headers: SAFE_HEADERS }, async (request, { actor, params }) => {
  const created = await uploadTicketAttachments(actor, { number: params.number, upload: uploadBodyFrom(request), meta: metaFrom(request) });
  return jsonResponse({ attachments: created }, 201);
});
