import { actorOrThrow } from "@/lib/auth/session";
import { getAttachmentFile } from "@/lib/attachments/download";
import { errorResponse, fileResponse } from "@/lib/attachments/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Seed 001 "download-*-image": raster images (PNG, JPEG, GIF, WebP) inline; anything else is 415. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await actorOrThrow();
    const { id } = await params;
    return fileResponse(await getAttachmentFile(actor, { id, variant: "image" }), "inline");
  } catch (error) {
    return errorResponse(error, "GET /api/attachments/[id]/image");
  }
}
