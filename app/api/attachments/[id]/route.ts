import { deleteAttachment } from "@/lib/attachments/delete";
import { getAttachmentFile } from "@/lib/attachments/download";
import { metaFrom } from "@/lib/attachments/dto";
import { fileResponse, jsonResponse, SAFE_HEADERS } from "@/lib/attachments/http";
import { route } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Download any attachment: always `Content-Disposition: attachment`, never rendered by the browser. */
export const GET = route<{ id: string }>({ name: "GET /api/attachments/[id]", headers: SAFE_HEADERS }, async (_request, { actor, params }) =>
  fileResponse(await getAttachmentFile(actor, { id: params.id, variant: "download" }), "attachment"),
);

/** The uploader (or a manager) deletes a file; same-origin only (route() checks it for every write). */
export const DELETE = route<{ id: string }>({ name: "DELETE /api/attachments/[id]", headers: SAFE_HEADERS }, async (request, { actor, params }) =>
  jsonResponse(await deleteAttachment(actor, { id: params.id, meta: metaFrom(request) })),
);
