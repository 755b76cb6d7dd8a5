import { eq } from "drizzle-orm";
import { getDb, type Conn } from "@/db";
import { tickets, users } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordHistory, type RequestMeta } from "./history";
import { resolveLinks } from "./links";
import type { Person } from "./load";
import { notifyCreated, renderCreatedMails } from "./notify";
import { standInNumber, ticketNumberCte } from "./numbering";
import { newTicketSearchVector } from "./search";
import { createTicketSchema, type TicketFields } from "./schemas";
import { parseInput } from "@/lib/input";

export type CreatedTicket = { id: string; number: string };
export type Requester = Person & { companyId: string | null };

/**
 * A client (anyone with ticket.create) opens a support ticket for themselves: status open, a number
 * at once, the auto-reply to the client and a mail to the department or help desk — one transaction.
 *
 * @param input `{ title, body, priority?, departmentId?, orderId?, serviceId?, projectId?, taskId? }`
 *   (see createTicketSchema; anything else, like `assigneeId` or `status`, is refused).
 */
export async function createTicket(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<CreatedTicket> {
  assertCan(actor, "ticket.create", "You are not allowed to open tickets.");
  const data = parseInput(createTicketSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const requester = await findRequester(tx, actor.id);
    if (!requester?.active) throw new Error("actor without an active user row");
    return openTicketTx(tx, { requester, actorId: actor.id, data, meta });
  });
}

/** The requester's row with what a ticket needs (company for project links, address for the auto-reply). */
export async function findRequester(tx: Conn, userId: string): Promise<Requester | null> {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email, active: users.active, companyId: users.companyId })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/**
 * Inserts a support ticket inside an open transaction and does everything that belongs to a creation
 * (number, links checked against the requester, history, search vector, notifications). Shared by
 * the web form, the admin's "on behalf of" form and inbound e-mail (channel "email").
 *
 * Taking the number locks the day's counter row until commit, and every other creation of the day
 * waits for it: so the mails are rendered before (with a stand-in number), the number is taken by
 * the ticket's insert, the transaction's first write, and what follows it (history, outbox rows)
 * is sent at once: on PostgreSQL the lock is held for two round trips and the commit.
 */
export async function openTicketTx(
  tx: Conn,
  p: { requester: Requester; actorId: string | null; data: TicketFields; meta?: RequestMeta; linksChosenBy?: "requester" | "staff" },
): Promise<CreatedTicket> {
  const { requester, data, meta = {} } = p;
  const links = await resolveLinks(tx, requester, data, p.linksChosenBy === "staff" ? "the client's" : "your");
  const at = now();
  const mails = await renderCreatedMails(
    { number: standInNumber(at), title: data.title, body: data.body, priority: data.priority },
    requester,
    links.department,
  );
  // The number is taken by the insert itself, and the day's counter stays locked until commit: so
  // the history and outbox rows that follow go out together (one round trip on PostgreSQL).
  const taken = ticketNumberCte(tx, at);
  const [row] = await tx
    .with(taken.cte)
    .insert(tickets)
    .values({
      number: taken.number,
      type: "support",
      title: data.title,
      body: data.body,
      status: "open",
      priority: data.priority,
      departmentId: links.departmentId,
      requesterId: requester.id,
      orderId: links.orderId,
      serviceId: links.serviceId,
      companyId: requester.companyId,
      projectId: links.projectId,
      taskId: links.taskId,
      channel: meta.channel ?? "web",
      createdAt: at,
      updatedAt: at,
      lastActivityAt: at,
      searchVector: newTicketSearchVector(data.title, data.body),
    })
    .returning({ id: tickets.id, number: tickets.number });
  const { id, number } = row!;
  const ticket = { id, number, title: data.title };
  const onBehalf = p.actorId && p.actorId !== requester.id ? { onBehalfOf: requester.id } : {};
  await Promise.all([
    recordHistory(
      tx,
      ticket,
      p.actorId,
      [{ action: "created", field: "status", newValue: "open", comment: data.title, extra: { priority: data.priority, ...onBehalf } }],
      meta,
    ),
    notifyCreated(tx, ticket, requester, mails),
  ]);
  return { id: ticket.id, number };
}
