import { randomUUID } from "node:crypto";
import type { Conn } from "@/db";
import { env } from "@/lib/env";
import { queueEmail, queueInApp, renderMail, type RenderedMail } from "@/lib/mail/outbox";
import * as mails from "@/lib/mail/templates/tickets";
import type { MailTemplate } from "@/lib/mail/templates/types";
import { REOPEN_WINDOW_MS, STATUS_LABELS } from "./workflow";
import type { Person } from "./load";

/**
 * Who hears about what (SPEC §5), written into the outbox inside the transition's transaction: an
 * e-mail and an in-app notification per person. Client mails only ever carry the one public text
 * they are about; internal notes never reach this module's client functions.
 */
export type NotifyTicket = { id: string; number: string; title: string };

export const ticketPath = (number: string) => `/tickets/${number}`;
export const ticketLink = (number: string) => `${env.appUrl}${ticketPath(number)}`;
/** Our Message-ID (without <>) for a mail replies should thread back from. */
export const newMessageId = () => `${randomUUID()}@ticketry`;

const ref = (t: NotifyTicket) => ({ number: t.number, title: t.title, link: ticketLink(t.number) });

/** E-mail plus in-app notification to one person; inactive accounts get nothing. Returns the Message-ID used. */
export async function notifyPerson(
  tx: Conn,
  t: NotifyTicket,
  person: Person,
  n: { type: string; inApp: string; emailMessageId?: string } & ({ template: MailTemplate } | { rendered: RenderedMail }),
): Promise<string | null> {
  if (!person.active) return null;
  const emailMessageId = n.emailMessageId ?? newMessageId();
  const mail = "rendered" in n ? { rendered: n.rendered } : { template: n.template };
  const subject = "rendered" in n ? n.rendered.subject : n.template.subject;
  // Two independent rows, sent together (one round trip on PostgreSQL).
  await Promise.all([
    queueEmail(tx, { type: n.type, to: person.email, recipientId: person.id, ticketId: t.id, emailMessageId, ...mail }),
    queueInApp(tx, { type: n.type, recipientId: person.id, subject, text: n.inApp, link: ticketPath(t.number), ticketId: t.id }),
  ]);
  return emailMessageId;
}

type Department = { name: string; inboundAddress: string | null } | null;

/** The two mails of a new ticket, rendered with a stand-in for the number it does not have yet. */
export type CreatedMails = {
  standIn: string;
  toClient: RenderedMail | null;
  toDesk: RenderedMail;
  deskAddress: string;
  /** The same mails rendered with another number. */
  rerender: (number: string) => Promise<CreatedMails>;
};

/**
 * Ticket created, step one: renders the client's auto-reply and the department's (or the help
 * desk's) mail before the ticket has its number, with `t.number` a stand-in (standInNumber). A
 * creation holds the day's number counter from taking its number until it commits, so the
 * rendering, the slow part, must not happen in between.
 */
export async function renderCreatedMails(
  t: { number: string; title: string; body: string; priority: string },
  client: Person,
  department: Department,
): Promise<CreatedMails> {
  const r = ref({ id: "", ...t });
  const [toClient, toDesk] = await Promise.all([
    client.active ? renderMail(mails.ticketCreatedMail({ ...r, name: client.name, email: client.email })) : null,
    renderMail(
      mails.ticketCreatedStaffMail({
        ...r,
        requesterName: client.name,
        requesterEmail: client.email,
        department: department?.name ?? null,
        priority: t.priority,
        body: t.body,
      }),
    ),
  ]);
  return {
    standIn: t.number,
    toClient,
    toDesk,
    deskAddress: department?.inboundAddress ?? env.helpdeskEmail,
    rerender: (number) => renderCreatedMails({ ...t, number }, client, department),
  };
}

/**
 * The created mails with the ticket's real number in place of the stand-in. Past the day's 9,999th
 * ticket the number is longer than the stand-in: then they are rendered again (exact layout).
 */
export async function withNumber(rendered: CreatedMails, number: string): Promise<CreatedMails> {
  const m = number.length === rendered.standIn.length ? rendered : await rendered.rerender(number);
  const fill = (mail: RenderedMail): RenderedMail => ({
    subject: mail.subject.replaceAll(m.standIn, number),
    html: mail.html.replaceAll(m.standIn, number),
    text: mail.text.replaceAll(m.standIn, number),
    sensitive: mail.sensitive,
  });
  return { ...m, standIn: number, toClient: m.toClient && fill(m.toClient), toDesk: fill(m.toDesk) };
}

/** Ticket created, step two (in the transaction, number taken): the mails get the real number and go to the outbox. */
export async function notifyCreated(tx: Conn, t: NotifyTicket, client: Person, rendered: CreatedMails) {
  const m = await withNumber(rendered, t.number);
  // Independent rows: sent together (the caller holds the day's number lock until it commits).
  await Promise.all([
    m.toClient && notifyPerson(tx, t, client, { type: "ticket.created", rendered: m.toClient, inApp: `Your ticket ${t.number} has been created.` }),
    queueEmail(tx, { type: "ticket.created.desk", to: m.deskAddress, ticketId: t.id, rendered: m.toDesk }),
  ]);
}

/** A public agent comment, to the client, with the comment. The Message-ID is also stored on the message. */
export function notifyClientOfReply(tx: Conn, t: NotifyTicket, client: Person, p: { authorName: string; body: string; emailMessageId: string }) {
  return notifyPerson(tx, t, client, {
    type: "ticket.reply",
    template: mails.ticketReplyMail({ ...ref(t), name: client.name, authorName: p.authorName, body: p.body }),
    inApp: `${p.authorName} answered ${t.number}.`,
    emailMessageId: p.emailMessageId,
  });
}

/** The client answered a waiting ticket: to the assignee. */
export function notifyAssigneeOfClientReply(tx: Conn, t: NotifyTicket, assignee: Person, p: { clientName: string; body: string }) {
  return notifyPerson(tx, t, assignee, {
    type: "ticket.client_reply",
    template: mails.ticketClientReplyMail({ ...ref(t), name: assignee.name, clientName: p.clientName, body: p.body }),
    inApp: `${p.clientName} replied to ${t.number}.`,
  });
}

/** Assigned by someone else: to the new assignee. */
export function notifyAssigned(tx: Conn, t: NotifyTicket & { priority: string }, assignee: Person, byName: string) {
  return notifyPerson(tx, t, assignee, {
    type: "ticket.assigned",
    template: mails.ticketAssignedMail({ ...ref(t), name: assignee.name, byName, priority: t.priority }),
    inApp: `${byName} assigned ${t.number} to you.`,
  });
}

/** A status change the client should know about (taken, escalated, reopened, changed by an admin). */
export function notifyClientOfStatus(tx: Conn, t: NotifyTicket, client: Person, status: string, note: string) {
  const statusLabel = STATUS_LABELS[status] ?? status;
  return notifyPerson(tx, t, client, {
    type: "ticket.status",
    template: mails.ticketStatusMail({ ...ref(t), name: client.name, statusLabel, note }),
    inApp: `${t.number} is now: ${statusLabel}.`,
  });
}

export function notifyClientOfClose(tx: Conn, t: NotifyTicket, client: Person, closedAt: Date) {
  const reopenUntil = new Date(closedAt.getTime() + REOPEN_WINDOW_MS).toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return notifyPerson(tx, t, client, {
    type: "ticket.closed",
    template: mails.ticketClosedMail({ ...ref(t), name: client.name, reopenUntil }),
    inApp: `${t.number} was closed. You can reopen it within an hour.`,
  });
}

export function notifyClientOfWontFix(tx: Conn, t: NotifyTicket, client: Person, reason: string) {
  return notifyPerson(tx, t, client, {
    type: "ticket.wont_fix",
    template: mails.ticketWontFixMail({ ...ref(t), name: client.name, reason }),
    inApp: `${t.number} was closed as won't fix.`,
  });
}

/** In-app only (no mail): e.g. the assignee hears of an internal note or a client comment that needs no mail. */
export async function pingInApp(tx: Conn, t: NotifyTicket, recipientId: string, type: string, text: string) {
  await queueInApp(tx, { type, recipientId, subject: `[${t.number}] ${t.title}`, text, link: ticketPath(t.number), ticketId: t.id });
}
