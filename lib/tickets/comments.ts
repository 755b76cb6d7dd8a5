import { eq } from "drizzle-orm";
import { messages, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordHistory, statusEntry, type HistoryEntry, type RequestMeta } from "./history";
import { guardedUpdate, withTicketAction } from "./load";
import { newMessageId, notifyAssigneeOfClientReply, notifyClientOfReply, pingInApp } from "./notify";
import { clientCommentSchema, staffCommentSchema } from "./schemas";
import { parseInput } from "@/lib/input";
import { refreshSearchVector } from "./search";
import { statusAfterPublicComment } from "./workflow";
import { seesInternal } from "./visibility";

export type CommentResult = { messageId: string; ticketId: string; number: string; status: string };

/**
 * Adds a message to a ticket.
 * - Staff (ticket.view_internal) send `{ ticketId, body, visibility: "public" | "internal" }`.
 * - Everyone else sends `{ ticketId, body }` (a `visibility` key is refused: clients write public only).
 *
 * A public agent reply → waiting_for_customer, sets first_response_at once, and mails the client the
 * reply with a Message-ID (stored on the message and the mail) that replies thread back by.
 * The client's reply on a waiting ticket → in_progress (open without assignee) and mails the assignee.
 * An internal note changes no status, is never indexed for search, and never reaches the client —
 * not even as a newer "last activity" on their list (last_activity_at moves with public messages only).
 */
export async function addComment(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<CommentResult> {
  const data = seesInternal(actor) ? parseInput(staffCommentSchema, input) : { ...parseInput(clientCommentSchema, input), visibility: "public" as const };
  const internal = data.visibility === "internal";

  return withTicketAction(actor, data.ticketId, internal ? "note" : "reply", async (tx, t, at) => {
    const fromDesk = actor.id !== t.requesterId;
    const emailMessageId = internal ? null : fromDesk ? newMessageId() : (meta.inboundMessageId ?? null);
    const [message] = await tx
      .insert(messages)
      .values({ ticketId: t.id, authorId: actor.id, body: data.body, visibility: data.visibility, kind: "comment", emailMessageId, createdAt: at })
      .returning({ id: messages.id });
    const messageId = message!.id;
    const base = { messageId, ticketId: t.id, number: t.number };

    if (internal) {
      // Staff-only: the client's "last activity" (last_activity_at) stays where it was.
      await tx.update(tickets).set({ updatedAt: at }).where(eq(tickets.id, t.id));
      await recordHistory(tx, t, actor.id, [{ action: "internal_note", extra: { messageId } }], meta);
      if (t.assignee && t.assignee.id !== actor.id) {
        await pingInApp(tx, t, t.assignee.id, "ticket.internal_note", `${actor.name} added an internal note to ${t.number}.`);
      }
      return { ...base, status: t.status };
    }

    const status = statusAfterPublicComment(t, actor.id);
    const firstResponse = fromDesk && t.type === "support" && !t.firstResponseAt;
    await guardedUpdate(tx, t, {
      lastActivityAt: at,
      ...(status !== t.status ? { status: status as typeof tickets.$inferInsert.status } : {}),
      ...(firstResponse ? { firstResponseAt: at } : {}),
    });
    const entries: HistoryEntry[] = [{ action: fromDesk ? "replied" : "client_replied", extra: { messageId } }];
    if (status !== t.status) entries.push(statusEntry(fromDesk ? "replied" : "client_replied", t.status, status));
    await recordHistory(tx, t, actor.id, entries, meta);
    await refreshSearchVector(tx, t.id);

    if (fromDesk) {
      await notifyClientOfReply(tx, t, t.requester, { authorName: actor.name, body: data.body, emailMessageId: emailMessageId! });
    } else if (t.assignee && t.status === "waiting_for_customer") {
      await notifyAssigneeOfClientReply(tx, t, t.assignee, { clientName: actor.name, body: data.body });
    } else if (t.assignee) {
      await pingInApp(tx, t, t.assignee.id, "ticket.client_comment", `${actor.name} commented on ${t.number}.`);
    }
    return { ...base, status };
  });
}
