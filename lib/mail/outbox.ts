import { plainTextSelectors, render } from "@react-email/render";
import { compile } from "html-to-text";
import type { Conn } from "@/db";
import { notifications } from "@/db/schema";
import type { MailTemplate } from "./templates/types";

/** A mail as the outbox stores it. */
export type RenderedMail = { subject: string; html: string; text: string; sensitive: boolean };

export type EmailInput = {
  type: string;
  to: string;
  recipientId?: string | null;
  ticketId?: string | null;
  /** Our Message-ID for the mail (without <>), when replies must thread back to a ticket. */
  emailMessageId?: string | null;
} & ({ template: MailTemplate } | { rendered: RenderedMail });

/**
 * React Email's own HTML → text conversion (the options of `render(…, { plainText: true })`),
 * compiled once: toPlainText compiles them again on every call, which cost more than the conversion.
 */
const htmlToText = compile({ wordwrap: false, selectors: plainTextSelectors });

/**
 * Renders a template once: the HTML, and the plain text converted from that HTML. The text is what
 * `render(element, { plainText: true })` returns, without rendering the React tree a second time.
 */
export async function renderMail(template: MailTemplate): Promise<RenderedMail> {
  const html = await render(template.element);
  return { subject: template.subject, html, text: htmlToText(html), sensitive: template.sensitive ?? false };
}

/**
 * Writes an e-mail into the outbox inside the caller's transaction: if the change rolls back, the
 * mail was never queued; if it commits, the sender will deliver it, whatever happens to this process.
 * A caller holding a lock passes the mail `rendered` beforehand (see renderMail), so the lock is not
 * held while React renders.
 */
export async function queueEmail(tx: Conn, input: EmailInput) {
  const { subject, html, text, sensitive } = "rendered" in input ? input.rendered : await renderMail(input.template);
  const [row] = await tx
    .insert(notifications)
    .values({
      channel: "email",
      type: input.type,
      toAddress: input.to,
      recipientId: input.recipientId ?? null,
      ticketId: input.ticketId ?? null,
      emailMessageId: input.emailMessageId ?? null,
      subject,
      html,
      text,
      sensitive,
    })
    .returning({ id: notifications.id });
  return row!.id;
}

export type InAppInput = {
  type: string;
  recipientId: string;
  subject: string;
  text: string;
  link?: string | null;
  ticketId?: string | null;
};

/** An in-app notification (the bell in the header); delivered as soon as it commits. */
export async function queueInApp(tx: Conn, input: InAppInput) {
  await tx.insert(notifications).values({
    channel: "in_app",
    type: input.type,
    recipientId: input.recipientId,
    subject: input.subject,
    text: input.text,
    link: input.link ?? null,
    ticketId: input.ticketId ?? null,
    status: "sent",
    sentAt: new Date(),
  });
}
