import { actorOrThrow } from "@/lib/auth/session";
import { deleteAttachment } from "@/lib/attachments/delete";
import { getAttachmentFile } from "@/lib/attachments/download";
import { metaFrom } from "@/lib/attachments/dto";
import { assertSameOrigin, errorResponse, fileResponse, jsonResponse } from "@/lib/attachments/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Download any attachment: always `Content-Disposition: attachment`, never rendered by the browser. */
export async function GET(_request: Request, { params }: Context) {
  try {
    const actor = await actorOrThrow();
    const { id } = await params;
    return fileResponse(await getAttachmentFile(actor, { id, variant: "download" }), "attachment");
  } catch (error) {
    return errorResponse(error, "GET /api/attachments/[id]");
  }
}

export async function DELETE(request: Request, { params }: Context) {
  try {
    const actor = await actorOrThrow();
    assertSameOrigin(request);
    const { id } = await params;
    return jsonResponse(await deleteAttachment(actor, { id, meta: metaFrom(request) }));
  } catch (error) {
    return errorResponse(error, "DELETE /api/attachments/[id]");
  }
}
