"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOrThrow } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { kickOutbox } from "@/lib/mail/kick";
import { createTicketForClient, deleteTicket, editTicket } from "@/lib/tickets/admin";
import { assignTicket } from "@/lib/tickets/manage";
import { searchClients, type ClientOption } from "@/lib/users/queries";
import { requestMeta } from "@/lib/http/request-meta";

/** The admin's ticket tools: session → domain (parses, checks permission and visibility) → revalidate → redirect outside the try. */

function refresh() {
  revalidatePath("/", "layout");
}

export async function searchClientsAction(q: string): Promise<ActionResult<ClientOption[]>> {
  try {
    const actor = await actorOrThrow();
    return { ok: true, data: await searchClients(actor, { q }) };
  } catch (error) {
    return toActionError(error, "search-clients");
  }
}

export async function createTicketForClientAction(input: unknown): Promise<ActionResult<never>> {
  let number: string;
  try {
    const actor = await actorOrThrow();
    ({ number } = await createTicketForClient(actor, input, await requestMeta()));
    kickOutbox();
    refresh();
  } catch (error) {
    return toActionError(error, "create-ticket-for-client");
  }
  redirect(`/admin/tickets/${number}/edit?created=1`);
}

export async function editTicketAction(input: unknown): Promise<ActionResult<{ changed: string[] }>> {
  try {
    const actor = await actorOrThrow();
    const { changed } = await editTicket(actor, input, await requestMeta());
    kickOutbox();
    refresh();
    return { ok: true, data: { changed } };
  } catch (error) {
    return toActionError(error, "edit-ticket");
  }
}

export async function assignTicketAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  try {
    const actor = await actorOrThrow();
    const { status } = await assignTicket(actor, input, await requestMeta());
    kickOutbox();
    refresh();
    return { ok: true, data: { status } };
  } catch (error) {
    return toActionError(error, "assign-ticket");
  }
}

export async function deleteTicketAction(input: unknown): Promise<ActionResult<never>> {
  let number: string;
  try {
    const actor = await actorOrThrow();
    ({ number } = await deleteTicket(actor, input, await requestMeta()));
    refresh();
  } catch (error) {
    return toActionError(error, "delete-ticket");
  }
  redirect(`/admin/tickets?deleted=${encodeURIComponent(number)}`);
}
