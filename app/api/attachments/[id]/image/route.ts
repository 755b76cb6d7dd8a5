import { getAttachmentFile } from "@/lib/attachments/download";
import { fileResponse, SAFE_HEADERS } from "@/lib/attachments/http";
import { route } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Seed 001 "download-*-image": raster images (PNG, JPEG, GIF, WebP) inline; anything else is 415. */
export const GET = route<{ id: string }>({ name: "GET /api/attachments/[id]/image", headers: SAFE_HEADERS }, async (_request, { actor, params }) =>
  fileResponse(await getAttachmentFile(actor, { id: params.id, variant: "image" }), "inline"),
);
