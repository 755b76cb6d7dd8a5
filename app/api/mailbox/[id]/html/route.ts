import { errorResponse } from "@/lib/attachments/http";
import { actorOrThrow } from "@/lib/auth/session";
import { MAIL_PREVIEW_HEADERS } from "@/lib/http/security-headers";
import { getMail } from "@/lib/mail/queries";
import { notFound } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** A mail's HTML version for the built-in mailbox's frame (admin/mailbox/[id]), under its own policy. */
export async function GET(_request: Request, { params }: Context) {
  try {
    const actor = await actorOrThrow();
    const { id } = await params;
    const mail = await getMail(actor, id);
    if (!mail.html) throw notFound("That e-mail's HTML version");
    return new Response(mail.html, { status: 200, headers: MAIL_PREVIEW_HEADERS });
  } catch (error) {
    return errorResponse(error, "GET /api/mailbox/[id]/html");
  }
}
