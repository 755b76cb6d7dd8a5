import { metaFrom } from "@/lib/attachments/dto";
import { jsonResponse, SAFE_HEADERS } from "@/lib/attachments/http";
import { uploadBodyFrom } from "@/lib/attachments/multipart";
import { uploadMessageAttachments } from "@/lib/attachments/upload";
import { route } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Seed 001 "upload-message-file": multipart files attached to a message (reply or internal note). Same-origin only. */
export const POST = route<{ id: string }>({ name: "POST /api/messages/[id]/attachments", headers: SAFE_HEADERS }, async (request, { actor, params }) => {
  const created = await uploadMessageAttachments(actor, { messageId: params.id, upload: uploadBodyFrom(request), meta: metaFrom(request) });
  return jsonResponse({ attachments: created }, 201);
});
