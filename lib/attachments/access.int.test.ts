import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { attachmentBlobs, attachments, ticketHistory, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/test/factories";
import { deleteAttachment } from "./delete";
import { getAttachmentFile } from "./download";
import { AttachmentError } from "./errors";
import { purgeMessageAttachments, purgeTicketAttachments } from "./purge";
import { listTicketAttachments } from "./queries";
import { insertMessage, insertTicket, multipart, PDF, PNG, type Part } from "./testing";
import { uploadMessageAttachments, uploadTicketAttachments } from "./upload";

let client: Actor;
let otherClient: Actor;
let agent: Actor;
let otherAgent: Actor;
let admin: Actor;

beforeAll(async () => {
  client = await createUser("client");
  otherClient = await createUser("client");
  agent = await createUser("agent");
  otherAgent = await createUser("agent");
  admin = await createUser("admin");
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A ticket with a screenshot + PDF on it, a public agent reply and an internal note with a file each. */
async function thread() {
  const ticket = await insertTicket(client);
  const up = (actor: Actor, parts: Part[]) => uploadTicketAttachments(actor, { number: ticket.number, upload: multipart(parts).upload });
  const [shot, pdf] = await up(client, [
    { filename: "screenshot.png", bytes: PNG },
    { filename: "Überweisung März.pdf", bytes: PDF },
  ]);
  const reply = await insertMessage(ticket.id, agent);
  const [onReply] = await uploadMessageAttachments(agent, { messageId: reply.id, upload: multipart([{ filename: "answer.png", bytes: PNG }]).upload });
  const note = await insertMessage(ticket.id, agent, { visibility: "internal" });
  const [onNote] = await uploadMessageAttachments(agent, { messageId: note.id, upload: multipart([{ filename: "internal.pdf", bytes: PDF }]).upload });
  return { ticket, shot: shot!, pdf: pdf!, reply, onReply: onReply!, note, onNote: onNote! };
}

describe("downloading", () => {
  it("serves the bytes, the clean name and the sniffed type to those who see the ticket", async () => {
    const t = await thread();
    const file = await getAttachmentFile(client, { id: t.pdf.id, variant: "download" });
    expect(file).toMatchObject({ filename: "Überweisung März.pdf", mimeType: "application/pdf", size: PDF.length });
    expect(Buffer.from(file.bytes).equals(PDF)).toBe(true);
    const image = await getAttachmentFile(agent, { id: t.shot.id, variant: "image" });
    expect(Buffer.from(image.bytes).equals(PNG)).toBe(true);
  });

  it("serves only raster images inline (a PDF on /image is 415)", async () => {
    const t = await thread();
    const error = await refusal(getAttachmentFile(client, { id: t.pdf.id, variant: "image" }));
    expect((error as AttachmentError).status).toBe(415);
  });

  it("answers 'not found' — never 'forbidden' — for files the actor may not see", async () => {
    const t = await thread();
    const cases: Array<[Actor, string]> = [
      [otherClient, t.shot.id], // another client's ticket
      [client, t.onNote.id], // an internal note's file, asked for by the client
    ];
    for (const [actor, id] of cases) {
      for (const variant of ["download", "image"] as const) {
        const error = await refusal(getAttachmentFile(actor, { id, variant }));
        expect(error.code).toBe("not_found");
        expect(error.message).toBe("That attachment was not found.");
      }
    }
    // Once another agent has taken the ticket it leaves the queue: the first agent no longer sees it.
    const db = await getDb();
    await db.update(tickets).set({ status: "in_progress", assigneeId: otherAgent.id }).where(eq(tickets.id, t.ticket.id));
    expect((await refusal(getAttachmentFile(agent, { id: t.shot.id, variant: "download" }))).code).toBe("not_found");
    expect((await getAttachmentFile(otherAgent, { id: t.onNote.id, variant: "download" })).filename).toBe("internal.pdf");
  });

  it.each(["not-a-uuid", "../../etc/passwd", "00000000-0000-0000-0000-00000000000g", "", "' OR 1=1 --"])(
    "answers 'not found' for the malformed id %j without a database error",
    async (id) => {
      const error = await refusal(getAttachmentFile(admin, { id, variant: "download" }));
      expect(error.code).toBe("not_found");
    },
  );

  it("lists a thread's files per message, leaving internal notes' files out for clients", async () => {
    const t = await thread();
    const forClient = await listTicketAttachments(client, t.ticket.id);
    expect(forClient.ticket.map((a) => a.filename)).toEqual(["screenshot.png", "Überweisung März.pdf"]);
    expect(Object.keys(forClient.byMessage)).toEqual([t.reply.id]);
    const forAgent = await listTicketAttachments(agent, t.ticket.id);
    expect(forAgent.byMessage[t.note.id]!.map((a) => a.filename)).toEqual(["internal.pdf"]);
    expect(await listTicketAttachments(otherClient, t.ticket.id)).toEqual({ ticket: [], byMessage: {} });
  });
});

describe("deleting one attachment", () => {
  it("lets the uploader delete their file: row and bytes go, history records it", async () => {
    const t = await thread();
    const db = await getDb();
    const [row] = await db.select().from(attachments).where(eq(attachments.id, t.shot.id));
    await deleteAttachment(client, { id: t.shot.id, meta: { ip: "203.0.113.9", userAgent: "test" } });
    expect(await db.select().from(attachments).where(eq(attachments.id, t.shot.id))).toEqual([]);
    expect(await db.select().from(attachmentBlobs).where(eq(attachmentBlobs.key, row!.storageKey))).toEqual([]);
    const [entry] = await db.select().from(ticketHistory).where(eq(ticketHistory.action, "attachment_deleted"));
    expect(entry).toMatchObject({ ticketId: t.ticket.id, actorId: client.id, oldValue: "screenshot.png" });
    expect(entry!.metadata).toMatchObject({ attachmentId: t.shot.id, ip: "203.0.113.9", internal: false });
  });

  it("refuses others: another client gets 'not found', an agent who did not upload gets 'forbidden'", async () => {
    const t = await thread();
    expect((await refusal(deleteAttachment(otherClient, { id: t.shot.id }))).code).toBe("not_found");
    expect((await refusal(deleteAttachment(client, { id: t.onNote.id }))).code).toBe("not_found");
    const forbidden = await refusal(deleteAttachment(agent, { id: t.shot.id }));
    expect(forbidden.code).toBe("forbidden");
    expect((await refusal(deleteAttachment(client, { id: "nope" }))).code).toBe("not_found");
    const db = await getDb();
    expect(await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.ticketId, t.ticket.id))).toHaveLength(4);
  });

  it("lets staff with ticket.manage delete any file, even on a closed ticket; the uploader no longer can", async () => {
    const t = await thread();
    const db = await getDb();
    await db.update(tickets).set({ status: "closed" }).where(eq(tickets.id, t.ticket.id));
    expect((await refusal(deleteAttachment(client, { id: t.pdf.id }))).code).toBe("conflict");
    await deleteAttachment(admin, { id: t.pdf.id });
    expect((await refusal(getAttachmentFile(admin, { id: t.pdf.id, variant: "download" }))).code).toBe("not_found");
  });
});

describe("purging when a ticket or message is deleted", () => {
  it("purgeTicketAttachments deletes every row and every byte of the ticket, and only that ticket's", async () => {
    const keep = await thread();
    const gone = await thread();
    const db = await getDb();
    const blobsBefore = (await db.select({ key: attachmentBlobs.key }).from(attachmentBlobs)).length;
    const result = await db.transaction(async (tx) => {
      const purged = await purgeTicketAttachments(tx, gone.ticket.id, admin.id);
      await tx.delete(tickets).where(eq(tickets.id, gone.ticket.id));
      return purged;
    });
    expect(result).toEqual({ count: 4 });
    expect((await db.select({ key: attachmentBlobs.key }).from(attachmentBlobs)).length).toBe(blobsBefore - 4);
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, gone.ticket.id))).toEqual([]);
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, keep.ticket.id))).toHaveLength(4);
    const [entry] = await db.select().from(ticketHistory).where(eq(ticketHistory.action, "attachments_purged"));
    expect(entry).toMatchObject({ ticketId: null, ticketNumber: gone.ticket.number, actorId: admin.id, newValue: "4" });
  });

  it("rolls the purge back with the transaction (Postgres driver): nothing is lost if the delete fails", async () => {
    const t = await thread();
    const db = await getDb();
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(attachmentBlobs);
    await expect(
      db.transaction(async (tx) => {
        await purgeTicketAttachments(tx, t.ticket.id);
        throw new Error("ticket delete failed");
      }),
    ).rejects.toThrow("ticket delete failed");
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(attachmentBlobs)).toEqual(before);
    expect((await getAttachmentFile(client, { id: t.shot.id, variant: "download" })).size).toBe(PNG.length);
  });

  it("purgeMessageAttachments deletes one message's files and bytes", async () => {
    const t = await thread();
    const db = await getDb();
    const [row] = await db.select().from(attachments).where(eq(attachments.id, t.onNote.id));
    expect(await db.transaction((tx) => purgeMessageAttachments(tx, t.note.id))).toEqual({ count: 1 });
    expect(await db.select().from(attachmentBlobs).where(eq(attachmentBlobs.key, row!.storageKey))).toEqual([]);
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, t.ticket.id))).toHaveLength(3);
  });
});
