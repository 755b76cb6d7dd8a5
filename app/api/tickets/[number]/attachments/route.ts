import { actorOrThrow } from "@/lib/auth/session";
import { metaFrom } from "@/lib/attachments/dto";
import { assertSameOrigin, errorResponse, jsonResponse } from "@/lib/attachments/http";
import { uploadBodyFrom } from "@/lib/attachments/multipart";
import { uploadTicketAttachments } from "@/lib/attachments/upload";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Seed 001 "upload-ticket-file": multipart files attached to the ticket itself. */
export async function POST(request: Request, { params }: { params: Promise<{ number: string }> }) {
  try {
    const actor = await actorOrThrow();
    assertSameOrigin(request);
    const { number } = await params;
    const created = await uploadTicketAttachments(actor, { number, upload: uploadBodyFrom(request), meta: metaFrom(request) });
    return jsonResponse({ attachments: created }, 201);
  } catch (error) {
    return errorResponse(error, "POST /api/tickets/[number]/attachments");
  }
}
