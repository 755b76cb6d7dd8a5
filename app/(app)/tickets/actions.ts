"use server";

import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { action, EVERYTHING, redirectTo } from "@/lib/http/action";
import { requestMeta } from "@/lib/http/request-meta";
import { kickOutbox } from "@/lib/mail/kick";
import { deleteTicket } from "@/lib/tickets/admin";
import { addComment } from "@/lib/tickets/comments";
import { createTicket } from "@/lib/tickets/create";
import { assignTicket, deassignAll, markWontFix, setTicketPriority } from "@/lib/tickets/manage";
import { assignSchema, clientCommentSchema, createTicketSchema, setPrioritySchema, staffCommentSchema, ticketRefSchema, wontFixSchema } from "@/lib/tickets/schemas";
import { closeTicket, escalateTicket, reopenTicket, takeTicket } from "@/lib/tickets/transitions";
import { setNotice } from "./flash";

/**
 * The doors in front of lib/tickets (lib/http/action.ts): session → domain call (which parses with
 * the same zod schema the form used and checks permission, visibility and workflow) → notice →
 * revalidate → redirect. Failures come back as ActionResult for the form to show.
 */

type Flash = Parameters<typeof setNotice>[0];
const ticketPage = (number: string, notice: Flash["notice"]): Flash => ({ path: `/tickets/${number}`, notice, number });

/**
 * New ticket: returns the number, so the form can upload its staged files before it navigates.
 * Nothing here revalidates or sets a cookie (either makes Next render the page the action came
 * from into its response, the form the browser is leaving: two fifths of a creation's server
 * time): the form sets the "created" notice itself and goes to the ticket's page, rendered afresh.
 */
export const createTicketAction = action({ name: "create-ticket", input: createTicketSchema }, async (actor, input) => {
  const { number } = await createTicket(actor, input, await requestMeta());
  kickOutbox();
  return { number };
});

/** Reply or internal note: returns the message id for the composer's staged files. */
export const addCommentAction = action(
  { name: "add-comment", input: staffCommentSchema.or(clientCommentSchema), revalidate: EVERYTHING },
  async (actor, input) => {
    const { messageId, status } = await addComment(actor, input, await requestMeta());
    kickOutbox();
    return { messageId, status };
  },
);

/** One workflow step: on success the browser goes to the page the step names, which confirms it. */
async function step(actor: Actor, run: (actor: Actor) => Promise<Flash>) {
  const flash = await run(actor);
  await setNotice(flash);
  kickOutbox();
  return redirectTo(flash.path);
}

export const takeTicketAction = action({ name: "take-ticket", input: ticketRefSchema, revalidate: EVERYTHING }, (actor, input) =>
  step(actor, async () => ticketPage((await takeTicket(actor, input, await requestMeta())).number, "taken")),
);

export const escalateTicketAction = action({ name: "escalate-ticket", input: ticketRefSchema, revalidate: EVERYTHING }, (actor, input) =>
  step(actor, async () => {
    const { number } = await escalateTicket(actor, input, await requestMeta());
    // A first-line agent no longer sees an escalated ticket: back to the desk, which says where it went.
    const stillSees = actor.permissions.has("ticket.view_all") || actor.permissions.has("ticket.view_escalated");
    return stillSees ? ticketPage(number, "escalated") : { path: "/desk", notice: "escalated", number };
  }),
);

export const closeTicketAction = action({ name: "close-ticket", input: ticketRefSchema, revalidate: EVERYTHING }, (actor, input) =>
  step(actor, async () => ticketPage((await closeTicket(actor, input, await requestMeta())).number, "closed")),
);

export const reopenTicketAction = action({ name: "reopen-ticket", input: ticketRefSchema, revalidate: EVERYTHING }, (actor, input) =>
  step(actor, async () => ticketPage((await reopenTicket(actor, input, await requestMeta())).number, "reopened")),
);

export const assignTicketAction = action({ name: "assign-ticket", input: assignSchema, revalidate: EVERYTHING }, (actor, input) =>
  step(actor, async () => ticketPage((await assignTicket(actor, input, await requestMeta())).number, "assigned")),
);

export const setPriorityAction = action({ name: "set-priority", input: setPrioritySchema, revalidate: EVERYTHING }, (actor, input) =>
  step(actor, async () => ticketPage((await setTicketPriority(actor, input, await requestMeta())).number, "priority")),
);

export const wontFixAction = action({ name: "wont-fix", input: wontFixSchema, revalidate: EVERYTHING }, (actor, input) =>
  step(actor, async () => ticketPage((await markWontFix(actor, input, await requestMeta())).number, "wont_fix")),
);

export const deleteTicketAction = action({ name: "delete-ticket", input: ticketRefSchema, revalidate: EVERYTHING }, (actor, input) =>
  step(actor, async () => {
    const { number } = await deleteTicket(actor, input, await requestMeta());
    return { path: "/tickets", notice: "deleted", number };
  }),
);

/** End of the day: every ticket in progress or waiting goes back to the queue. The input picks the page to return to. */
export const deassignAllAction = action({ name: "deassign-all", input: z.enum(["/desk", "/tickets"]), revalidate: EVERYTHING }, (actor, from) =>
  step(actor, async () => {
    const { count } = await deassignAll(actor, await requestMeta());
    return { path: from === "/tickets" ? "/tickets" : "/desk", notice: "deassigned", count };
  }),
);
