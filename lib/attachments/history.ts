import type { Conn } from "@/db";
import { ticketHistory } from "@/db/schema";
import type { RequestMeta } from "./dto";

export const HISTORY_ACTIONS = {
  uploaded: "attachment_uploaded",
  deleted: "attachment_deleted",
  purged: "attachments_purged",
} as const;

type Entry = {
  ticketId: string;
  ticketNumber: string;
  actorId: string | null;
  action: (typeof HISTORY_ACTIONS)[keyof typeof HISTORY_ACTIONS];
  oldValue?: string | null;
  newValue?: string | null;
  /** True for files on an internal note: a client-facing history view must leave the row out. */
  internal: boolean;
  details: Record<string, unknown>;
  meta?: RequestMeta;
};

export async function recordAttachmentHistory(conn: Conn, entries: Entry[]) {
  if (!entries.length) return;
  await conn.insert(ticketHistory).values(
    entries.map((e) => ({
      ticketId: e.ticketId,
      ticketNumber: e.ticketNumber,
      actorId: e.actorId,
      action: e.action,
      field: "attachment",
      oldValue: e.oldValue ?? null,
      newValue: e.newValue ?? null,
      metadata: {
        ...e.details,
        internal: e.internal,
        ...(e.meta ? { ip: e.meta.ip ?? null, userAgent: e.meta.userAgent ?? null, channel: "web" } : {}),
      },
    })),
  );
}
