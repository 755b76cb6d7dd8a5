import { actorOrThrow } from "@/lib/auth/session";
import { metaFrom } from "@/lib/attachments/dto";
import { assertSameOrigin, errorResponse, jsonResponse } from "@/lib/attachments/http";
import { uploadBodyFrom } from "@/lib/attachments/multipart";
import { uploadMessageAttachments } from "@/lib/attachments/upload";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Seed 001 "upload-message-file": multipart files attached to a message (reply or internal note). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await actorOrThrow();
    assertSameOrigin(request);
    const { id } = await params;
    const created = await uploadMessageAttachments(actor, { messageId: id, upload: uploadBodyFrom(request), meta: metaFrom(request) });
    return jsonResponse({ attachments: created }, 201);
  } catch (error) {
    return errorResponse(error, "POST /api/messages/[id]/attachments");
  }
}
