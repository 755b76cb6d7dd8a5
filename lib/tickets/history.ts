import type { Conn } from "@/db";
import { ticketHistory } from "@/db/schema";
import { now } from "@/lib/clock";

/** Where a change came from: recorded in every history row's metadata. Server actions pass ip/userAgent. */
export type RequestMeta = {
  ip?: string | null;
  userAgent?: string | null;
  channel?: "web" | "email" | "api";
  /** Inbound e-mail only: the Message-ID (without <>) of the mail a client's comment came from, kept on the message. */
  inboundMessageId?: string | null;
};

/**
 * One history row per changed field (or per event without a field, like a comment). `action` names
 * the transition (taken, escalated, closed …); old/new hold readable values (names, not ids); ids
 * and other context go into `extra`, merged into metadata next to ip, user agent and channel.
 */
export type HistoryEntry = {
  action: string;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
  comment?: string | null;
  extra?: Record<string, unknown>;
};

export function historyMetadata(meta: RequestMeta = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...extra, channel: meta.channel ?? "web" };
  if (meta.ip) out.ip = meta.ip.slice(0, 100);
  if (meta.userAgent) out.userAgent = meta.userAgent.slice(0, 500);
  if (meta.inboundMessageId) out.inboundMessageId = meta.inboundMessageId;
  return out;
}

type TicketRef = { id: string | null; number: string };

/** Appends history rows for one ticket inside the caller's transaction. */
export function recordHistory(tx: Conn, ticket: TicketRef, actorId: string | null, entries: HistoryEntry[], meta: RequestMeta = {}) {
  return recordHistoryMany(tx, entries.map((entry) => ({ ticket, entry })), actorId, meta);
}

/** Appends history rows for several tickets in one statement (bulk actions like de-assign all). */
export async function recordHistoryMany(
  tx: Conn,
  rows: { ticket: TicketRef; entry: HistoryEntry }[],
  actorId: string | null,
  meta: RequestMeta = {},
): Promise<void> {
  if (rows.length === 0) return;
  const at = now();
  await tx.insert(ticketHistory).values(
    rows.map(({ ticket, entry: e }) => ({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      actorId,
      action: e.action,
      field: e.field ?? null,
      oldValue: e.oldValue ?? null,
      newValue: e.newValue ?? null,
      comment: e.comment ?? null,
      metadata: historyMetadata(meta, e.extra),
      createdAt: at,
    })),
  );
}

/** The history row of a status change. */
export function statusEntry(action: string, from: string, to: string, comment?: string | null): HistoryEntry {
  return { action, field: "status", oldValue: from, newValue: to, comment: comment ?? null };
}
