"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOrThrow } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { kickOutbox } from "@/lib/mail/kick";
import { deleteTicket } from "@/lib/tickets/admin";
import { addComment } from "@/lib/tickets/comments";
import { createTicket } from "@/lib/tickets/create";
import { assignTicket, deassignAll, markWontFix, setTicketPriority } from "@/lib/tickets/manage";
import { closeTicket, escalateTicket, reopenTicket, takeTicket } from "@/lib/tickets/transitions";
import { setNotice } from "./flash";
import { requestMeta } from "@/lib/http/request-meta";

/**
 * The doors in front of lib/tickets: session → domain call (which parses with the same zod schema
 * the form used and checks permission, visibility and workflow) → revalidate → redirect outside
 * the try. Failures come back as ActionResult for the form to show; nothing is half-written.
 */

function refresh() {
  revalidatePath("/", "layout");
}

type Flash = Parameters<typeof setNotice>[0];
const ticketPage = (number: string, notice: Flash["notice"]): Flash => ({ path: `/tickets/${number}`, notice, number });

/** New ticket: returns the number, so the form can upload its staged files before it navigates. */
export async function createTicketAction(input: unknown): Promise<ActionResult<{ number: string }>> {
  try {
    const actor = await actorOrThrow();
    const { number } = await createTicket(actor, input, await requestMeta());
    await setNotice({ path: `/tickets/${number}`, notice: "created", number });
    kickOutbox();
    refresh();
    return { ok: true, data: { number } };
  } catch (error) {
    return toActionError(error, "create-ticket");
  }
}

/** Reply or internal note: returns the message id for the composer's staged files. */
export async function addCommentAction(input: unknown): Promise<ActionResult<{ messageId: string; status: string }>> {
  try {
    const actor = await actorOrThrow();
    const { messageId, status } = await addComment(actor, input, await requestMeta());
    kickOutbox();
    refresh();
    return { ok: true, data: { messageId, status } };
  } catch (error) {
    return toActionError(error, "add-comment");
  }
}

type Step = (actor: Awaited<ReturnType<typeof actorOrThrow>>) => Promise<Flash>;

/** Runs one workflow step; on success the browser goes to the page `step` names, which confirms it. */
async function runStep(context: string, step: Step): Promise<ActionResult<never>> {
  let target: string;
  try {
    const actor = await actorOrThrow();
    const flash = await step(actor);
    await setNotice(flash);
    target = flash.path;
    kickOutbox();
    refresh();
  } catch (error) {
    return toActionError(error, context);
  }
  redirect(target);
}

export async function takeTicketAction(input: unknown) {
  return runStep("take-ticket", async (actor) => ticketPage((await takeTicket(actor, input, await requestMeta())).number, "taken"));
}

export async function escalateTicketAction(input: unknown) {
  return runStep("escalate-ticket", async (actor) => {
    const { number } = await escalateTicket(actor, input, await requestMeta());
    // A first-line agent no longer sees an escalated ticket: back to the desk, which says where it went.
    const stillSees = actor.permissions.has("ticket.view_all") || actor.permissions.has("ticket.view_escalated");
    return stillSees ? ticketPage(number, "escalated") : { path: "/desk", notice: "escalated", number };
  });
}

export async function closeTicketAction(input: unknown) {
  return runStep("close-ticket", async (actor) => ticketPage((await closeTicket(actor, input, await requestMeta())).number, "closed"));
}

export async function reopenTicketAction(input: unknown) {
  return runStep("reopen-ticket", async (actor) => ticketPage((await reopenTicket(actor, input, await requestMeta())).number, "reopened"));
}

export async function assignTicketAction(input: unknown) {
  return runStep("assign-ticket", async (actor) => ticketPage((await assignTicket(actor, input, await requestMeta())).number, "assigned"));
}

export async function setPriorityAction(input: unknown) {
  return runStep("set-priority", async (actor) => ticketPage((await setTicketPriority(actor, input, await requestMeta())).number, "priority"));
}

export async function wontFixAction(input: unknown) {
  return runStep("wont-fix", async (actor) => ticketPage((await markWontFix(actor, input, await requestMeta())).number, "wont_fix"));
}

export async function deleteTicketAction(input: unknown) {
  return runStep("delete-ticket", async (actor) => {
    const { number } = await deleteTicket(actor, input, await requestMeta());
    return { path: "/tickets", notice: "deleted", number };
  });
}

/** End of the day: every ticket in progress or waiting goes back to the queue. `from` picks the page to return to. */
export async function deassignAllAction(from: unknown) {
  return runStep("deassign-all", async (actor) => {
    const { count } = await deassignAll(actor, await requestMeta());
    return { path: from === "/tickets" ? "/tickets" : "/desk", notice: "deassigned", count };
  });
}
