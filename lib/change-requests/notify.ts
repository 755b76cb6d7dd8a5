import { and, eq, ne } from "drizzle-orm";
import type { Conn } from "@/db";
import { rolePermissions, users } from "@/db/schema";
import { env } from "@/lib/env";
import { queueEmail, queueInApp } from "@/lib/mail/outbox";
import { changeRequestMail } from "@/lib/mail/templates/change-requests";
import type { Person } from "@/lib/tickets/load";
import { newMessageId } from "@/lib/tickets/notify";

/**
 * Who hears about a change-request step (SPEC §5), written into the outbox inside the step's
 * transaction: an e-mail and an in-app notification per person, linking to the request's page.
 */
export type ChangeRef = { id: string; number: string; title: string };

export const changePath = (number: string) => `/changes/${number}`;

type Note = { type: string; event: string; summary: string; inApp: string; quote?: string | null };

/** E-mail plus in-app notification to one person; inactive accounts get nothing. */
export async function notifyAboutChange(tx: Conn, c: ChangeRef, person: Person, n: Note): Promise<void> {
  if (!person.active) return;
  const link = `${env.appUrl}${changePath(c.number)}`;
  const template = changeRequestMail({ number: c.number, title: c.title, link, name: person.name, event: n.event, summary: n.summary, quote: n.quote });
  await queueEmail(tx, { type: n.type, to: person.email, recipientId: person.id, ticketId: c.id, emailMessageId: newMessageId(), template });
  await queueInApp(tx, { type: n.type, recipientId: person.id, subject: template.subject, text: n.inApp, link: changePath(c.number), ticketId: c.id });
}

/**
 * Everyone who may approve the request: active users whose role holds ticket.approve, except its
 * requester (who may not decide on it, so a mail asking them to would be wrong).
 */
export async function approversOf(tx: Conn, requesterId: string): Promise<Person[]> {
  return tx
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(users)
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleKey, users.roleKey), eq(rolePermissions.permissionKey, "ticket.approve")))
    .where(and(eq(users.active, true), ne(users.id, requesterId)))
    .orderBy(users.id);
}

/** Submitted or resubmitted: every approver is asked to decide. */
export async function notifyApprovers(tx: Conn, c: ChangeRef, requester: Person, resubmitted: boolean): Promise<void> {
  const verb = resubmitted ? "resubmitted" : "submitted";
  for (const approver of await approversOf(tx, requester.id)) {
    await notifyAboutChange(tx, c, approver, {
      type: resubmitted ? "change.resubmitted" : "change.submitted",
      event: "Needs your approval",
      summary: `${requester.name} ${verb} the change request ${c.number} for approval: ${c.title}`,
      inApp: `${requester.name} ${verb} ${c.number} for approval.`,
    });
  }
}
