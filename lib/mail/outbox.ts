import { render } from "@react-email/render";
import type { Conn } from "@/db";
import { notifications } from "@/db/schema";
import type { MailTemplate } from "./templates/types";

export type EmailInput = {
  type: string;
  to: string;
  recipientId?: string | null;
  ticketId?: string | null;
  /** Our Message-ID for the mail (without <>), when replies must thread back to a ticket. */
  emailMessageId?: string | null;
  template: MailTemplate;
};

/**
 * Writes an e-mail into the outbox inside the caller's transaction: if the change rolls back, the
 * mail was never queued; if it commits, the sender will deliver it, whatever happens to this process.
 */
export async function queueEmail(tx: Conn, input: EmailInput) {
  const [html, text] = await Promise.all([
    render(input.template.element),
    render(input.template.element, { plainText: true }),
  ]);
  const [row] = await tx
    .insert(notifications)
    .values({
      channel: "email",
      type: input.type,
      toAddress: input.to,
      recipientId: input.recipientId ?? null,
      ticketId: input.ticketId ?? null,
      emailMessageId: input.emailMessageId ?? null,
      subject: input.template.subject,
      html,
      text,
      sensitive: input.template.sensitive ?? false,
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
