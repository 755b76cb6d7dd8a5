import { route } from "@/lib/http/route";
import { MAIL_PREVIEW_HEADERS } from "@/lib/http/security-headers";
import { getMail } from "@/lib/mail/queries";
import { notFound } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A mail's HTML version for the built-in mailbox's frame (admin/mailbox/[id]), under its own policy. */
export const GET = route<{ id: string }>({ name: "GET /api/mailbox/[id]/html" }, async (_request, { actor, params }) => {
  const mail = await getMail(actor, params.id);
  if (!mail.html) throw notFound("That e-mail's HTML version");
  return new Response(mail.html, { status: 200, headers: MAIL_PREVIEW_HEADERS });
});
