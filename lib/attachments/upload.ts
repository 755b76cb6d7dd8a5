import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Conn } from "@/db";
import { attachments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors";
import { findVisibleMessage, findVisibleTicket, lockTicket } from "./access";
import { isSafeText, isUuid } from "@/lib/input";
import { attachmentConfig, type AttachmentConfig } from "./config";
import { toAttachmentDto, type AttachmentDto, type RequestMeta } from "./dto";
import { tooLarge, unprocessable } from "./errors";
import { HISTORY_ACTIONS, recordAttachmentHistory } from "./history";
import { readMultipart, type UploadBody } from "./multipart";
import { assertMayUploadToMessage, assertMayUploadToTicket } from "./rules";
import { decideType } from "./sniff";
import { getStorage, newStorageKey } from "./storage";
import { formatBytes } from "./types";

type Target = { ticketId: string; number: string; messageId: string | null; internal: boolean };
type Resolve = (conn: Conn) => Promise<Target>;

const upload = z.custom<UploadBody>((v) => !!v && typeof v === "object" && "body" in v, "An upload body is required.");
const meta = z.custom<RequestMeta>((v) => v === undefined || (!!v && typeof v === "object")).optional();
const ticketInput = z.object({ number: z.string(), upload, meta }).strict();
const messageInput = z.object({ messageId: z.string(), upload, meta }).strict();

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("invalid", "The upload request is not valid.");
  return result.data;
}

/** POST /api/tickets/[number]/attachments: files on the ticket itself (its first message). */
export async function uploadTicketAttachments(actor: Actor, input: { number: string; upload: UploadBody; meta?: RequestMeta }) {
  const { number: raw, upload: body, meta: m } = parse(ticketInput, input);
  // From the URL: what cannot be a ticket number (control characters, which PostgreSQL refuses
  // with NUL, or far too long) names no ticket.
  const number = raw.trim();
  if (!number || number.length > 40 || !isSafeText(number)) throw notFound("That ticket");
  return receive(actor, body, m, async (conn) => {
    const ticket = await findVisibleTicket(conn, actor, number);
    if (!ticket) throw notFound("That ticket");
    assertMayUploadToTicket(actor, ticket);
    return { ticketId: ticket.id, number: ticket.number, messageId: null, internal: false };
  });
}

/** POST /api/messages/[id]/attachments: files on a message (a reply or an internal note). */
export async function uploadMessageAttachments(actor: Actor, input: { messageId: string; upload: UploadBody; meta?: RequestMeta }) {
  const { messageId, upload: body, meta: m } = parse(messageInput, input);
  if (!isUuid(messageId)) throw notFound("That message");
  return receive(actor, body, m, async (conn) => {
    const message = await findVisibleMessage(conn, actor, messageId);
    if (!message) throw notFound("That message");
    assertMayUploadToMessage(actor, message);
    return { ticketId: message.ticketId, number: message.number, messageId: message.id, internal: message.visibility === "internal" };
  });
}

type Accepted = { filename: string; mime: string; bytes: Buffer; key: string };

async function receive(actor: Actor, body: UploadBody, meta: RequestMeta | undefined, resolve: Resolve): Promise<AttachmentDto[]> {
  const db = await getDb();
  // Permission, visibility and status are checked before a single byte of the body is read.
  const first = await resolve(db);
  const config = attachmentConfig();
  const received = await readMultipart(body, config);
  if (!received.length) throw unprocessable("Choose at least one file to upload.");
  const files: Accepted[] = [];
  for (const file of received) {
    const { mime } = await decideType({ bytes: file.bytes, filename: file.filename, declaredType: file.declaredType, types: config.types });
    files.push({ filename: file.filename, mime, bytes: file.bytes, key: newStorageKey() });
  }

  const storage = getStorage();
  const putOutside: string[] = [];
  try {
    if (!storage.transactional) {
      for (const f of files) {
        await storage.put(db, f.key, f.bytes, f.mime);
        putOutside.push(f.key);
      }
    }
    return await db.transaction(async (tx) => {
      await lockTicket(tx, first.ticketId);
      const target = await resolve(tx); // again, under the lock: the ticket may have closed meanwhile
      await assertRoom(tx, target, files, config);
      if (storage.transactional) for (const f of files) await storage.put(tx, f.key, f.bytes, f.mime);
      const at = now().getTime();
      const rows = await tx
        .insert(attachments)
        .values(
          // A millisecond apart, so the thread lists the files in the order they were sent.
          files.map((f, i) => ({
            ticketId: target.ticketId,
            messageId: target.messageId,
            filename: f.filename,
            storageKey: f.key,
            size: f.bytes.byteLength,
            mimeType: f.mime,
            uploaderId: actor.id,
            createdAt: new Date(at + i),
          })),
        )
        .returning();
      await recordAttachmentHistory(
        tx,
        rows.map((r) => ({
          ticketId: target.ticketId,
          ticketNumber: target.number,
          actorId: actor.id,
          action: HISTORY_ACTIONS.uploaded,
          newValue: r.filename,
          internal: target.internal,
          details: { attachmentId: r.id, messageId: r.messageId, size: r.size, mimeType: r.mimeType },
          meta,
        })),
      );
      return rows.map(toAttachmentDto);
    });
  } catch (error) {
    if (putOutside.length) {
      await storage.delete(db, putOutside).catch((e) => console.error("[attachments] could not remove orphaned objects", putOutside, e));
    }
    throw error;
  }
}

/** The per-message limits count what the message (or the ticket body) already carries. */
async function assertRoom(conn: Conn, target: Target, files: Accepted[], config: AttachmentConfig) {
  const scope = target.messageId ? eq(attachments.messageId, target.messageId) : isNull(attachments.messageId);
  const [row] = await conn
    .select({ count: sql<number>`count(*)::int`, bytes: sql<string>`coalesce(sum(${attachments.size}), 0)::text` })
    .from(attachments)
    .where(and(eq(attachments.ticketId, target.ticketId), scope));
  const count = Number(row?.count ?? 0);
  const bytes = Number(row?.bytes ?? 0);
  const what = target.messageId ? "A message" : "A ticket";
  if (count + files.length > config.maxFiles) {
    throw unprocessable(`${what} can have at most ${config.maxFiles} ${config.maxFiles === 1 ? "file" : "files"}; this one already has ${count}.`);
  }
  const adding = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (bytes + adding > config.maxTotalBytes) {
    throw tooLarge(
      `${what} can carry at most ${formatBytes(config.maxTotalBytes)} of files; this one already has ${formatBytes(bytes)}, and these add ${formatBytes(adding)}.`,
    );
  }
}
