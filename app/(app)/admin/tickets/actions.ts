"use server";

import { action, EVERYTHING, redirectTo } from "@/lib/http/action";
import { requestMeta } from "@/lib/http/request-meta";
import { kickOutbox } from "@/lib/mail/kick";
import { createTicketForClient, deleteTicket, editTicket } from "@/lib/tickets/admin";
import { assignTicket } from "@/lib/tickets/manage";
import { assignSchema, createTicketForClientSchema, editTicketSchema, ticketRefSchema } from "@/lib/tickets/schemas";
import { clientSearchSchema } from "@/lib/users/schemas";
import { searchClients } from "@/lib/users/queries";

/** The admin's ticket tools (lib/http/action.ts): session → domain (parses, checks permission and visibility) → revalidate → redirect. */

export const searchClientsAction = action({ name: "search-clients", input: clientSearchSchema.shape.q }, (actor, q) => searchClients(actor, { q }));

export const createTicketForClientAction = action(
  { name: "create-ticket-for-client", input: createTicketForClientSchema, revalidate: EVERYTHING },
  async (actor, input) => {
    const { number } = await createTicketForClient(actor, input, await requestMeta());
    kickOutbox();
    return redirectTo(`/admin/tickets/${number}/edit?created=1`);
  },
);

export const editTicketAction = action({ name: "edit-ticket", input: editTicketSchema, revalidate: EVERYTHING }, async (actor, input) => {
  const { changed } = await editTicket(actor, input, await requestMeta());
  kickOutbox();
  return { changed };
});

export const assignTicketAction = action({ name: "assign-ticket", input: assignSchema, revalidate: EVERYTHING }, async (actor, input) => {
  const { status } = await assignTicket(actor, input, await requestMeta());
  kickOutbox();
  return { status };
});

export const deleteTicketAction = action({ name: "delete-ticket", input: ticketRefSchema, revalidate: EVERYTHING }, async (actor, input) => {
  const { number } = await deleteTicket(actor, input, await requestMeta());
  return redirectTo(`/admin/tickets?deleted=${encodeURIComponent(number)}`);
});
