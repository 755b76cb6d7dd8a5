import { can, type Actor } from "@/lib/auth/actor";
import { AppError, forbidden } from "@/lib/errors";

/** Statuses after which a ticket takes no more replies, and so no more files. */
const FINAL_STATUSES: Record<string, string> = {
  closed: "This ticket is closed, so files can no longer be added to it. Reopen it (within an hour of closing) or open a new ticket.",
  wont_fix: "This ticket was marked won't fix and is closed for good, so files can no longer be added. Open a new ticket instead.",
  completed: "This request is completed, so files can no longer be added to it.",
  cancelled: "This request was cancelled, so files can no longer be added to it.",
  rolled_back: "This request was rolled back, so files can no longer be added to it.",
};

export function acceptsUploads(status: string): boolean {
  return !(status in FINAL_STATUSES);
}

export function assertAcceptsUploads(status: string) {
  const message = FINAL_STATUSES[status];
  if (message) throw new AppError("conflict", message);
}

/** ticket.comment, or ticket.create for the requester on their own ticket. */
export function mayUploadTo(actor: Actor, ticket: { requesterId: string }): boolean {
  return can(actor, "ticket.comment") || (ticket.requesterId === actor.id && can(actor, "ticket.create"));
}

export function assertMayUploadToTicket(actor: Actor, ticket: { requesterId: string; status: string }) {
  if (!mayUploadTo(actor, ticket)) throw forbidden("You may not add files to this ticket.");
  assertAcceptsUploads(ticket.status);
}

/** Files belong to the message they were sent with: only its author (or a ticket manager) adds to it. */
export function assertMayUploadToMessage(
  actor: Actor,
  message: { authorId: string | null; kind: string; requesterId: string; status: string },
) {
  if (!mayUploadTo(actor, message)) throw forbidden("You may not add files to this ticket.");
  if (message.kind !== "comment") throw forbidden("Files can only be added to comments, not to system messages.");
  if (message.authorId !== actor.id && !can(actor, "ticket.manage")) {
    throw forbidden("Only the author of a message can add files to it.");
  }
  assertAcceptsUploads(message.status);
}

/** The uploader while the ticket takes replies, or staff with ticket.manage at any time. */
export function assertMayDelete(actor: Actor, attachment: { uploaderId: string | null; status: string }) {
  if (can(actor, "ticket.manage")) return;
  if (attachment.uploaderId !== actor.id) throw forbidden("Only the person who uploaded a file (or a manager) can delete it.");
  assertAcceptsUploads(attachment.status);
}
