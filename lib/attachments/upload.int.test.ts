import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { attachmentBlobs, attachments, ticketHistory } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/test/factories";
import { resetAttachmentConfig, setAttachmentConfig } from "./config";
import { AttachmentError } from "./errors";
import { insertMessage, insertTicket, multipart, PDF, PNG, type Part } from "./testing";
import { uploadMessageAttachments, uploadTicketAttachments } from "./upload";

const MB = 1024 * 1024;
let client: Actor;
let otherClient: Actor;
let agent: Actor;
let accountant: Actor;

beforeAll(async () => {
  client = await createUser("client");
  otherClient = await createUser("client");
  agent = await createUser("agent");
  accountant = await createUser("accountant");
});
afterEach(() => resetAttachmentConfig());

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
const statusOf = (e: AppError) => (e instanceof AttachmentError ? e.status : e.code);

async function counts() {
  const db = await getDb();
  const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(attachments);
  const [b] = await db.select({ n: sql<number>`count(*)::int` }).from(attachmentBlobs);
  return { attachments: Number(a!.n), blobs: Number(b!.n) };
}

const toTicket = (actor: Actor, number: string, parts: Part[], opts?: Parameters<typeof multipart>[1]) =>
  uploadTicketAttachments(actor, { number, upload: multipart(parts, opts).upload });

describe("uploading to a ticket", () => {
  it("stores a client's screenshot and PDF with sniffed types, random keys and history", async () => {
    const ticket = await insertTicket(client);
    const result = await toTicket(client, ticket.number, [
      { filename: "screenshot.png", bytes: PNG, type: "image/png" },
      { filename: "report.pdf", bytes: PDF, type: "application/octet-stream" },
    ]);
    expect(result.map((a) => [a.filename, a.mimeType, a.size, a.isImage])).toEqual([
      ["screenshot.png", "image/png", PNG.length, true],
      ["report.pdf", "application/pdf", PDF.length, false],
    ]);
    expect(result[0]!.imageUrl).toBe(`/api/attachments/${result[0]!.id}/image`);
    expect(result[1]!.imageUrl).toBeNull();

    const db = await getDb();
    const rows = await db.select().from(attachments).where(eq(attachments.ticketId, ticket.id));
    for (const row of rows) {
      expect(row.storageKey).toMatch(/^att\/[0-9a-f]{64}$/);
      expect(row.uploaderId).toBe(client.id);
      const [blob] = await db.select().from(attachmentBlobs).where(eq(attachmentBlobs.key, row.storageKey));
      expect(blob!.data.length).toBe(row.size);
    }
    const history = await db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, ticket.id)).orderBy(ticketHistory.id);
    expect(history.map((h) => [h.action, h.newValue, h.actorId])).toEqual([
      ["attachment_uploaded", "screenshot.png", client.id],
      ["attachment_uploaded", "report.pdf", client.id],
    ]);
    expect(history[0]!.metadata).toMatchObject({ internal: false, mimeType: "image/png", size: PNG.length });
  });

  it("stores hostile file names only as cleaned display names, never in the key", async () => {
    const ticket = await insertTicket(client);
    const names: Array<[Part, string]> = [
      [{ filename: '"><img src=x onerror=alert(1)>.png', bytes: PNG }, "___img src=x onerror=alert(1)_.png"],
      [{ filename: "../../../etc/passwd.png", bytes: PNG }, "passwd.png"],
      [{ filename: "%2e%2e%2f%2e%2e%2fboot.png", bytes: PNG }, "boot.png"],
      [{ filename: "..\\..\\win.png", bytes: PNG }, "win.png"],
      [{ filename: "nul\u0000byte.png", bytes: PNG, extended: true }, "nulbyte.png"],
      [{ filename: "ctrl\u0001\u001b[31m.png", bytes: PNG, extended: true }, "ctrl[31m.png"],
    ];
    const result = await toTicket(client, ticket.number, names.map(([part]) => part));
    expect(result.map((a) => a.filename)).toEqual(names.map(([, safe]) => safe));
    const db = await getDb();
    const keys = await db.select({ key: attachments.storageKey }).from(attachments).where(eq(attachments.ticketId, ticket.id));
    for (const { key } of keys) expect(key).toMatch(/^att\/[0-9a-f]{64}$/);
  });

  it("lets staff with ticket.comment attach to a ticket they can see", async () => {
    const ticket = await insertTicket(client);
    const [dto] = await toTicket(agent, ticket.number, [{ filename: "fix.pdf", bytes: PDF }]);
    expect(dto!.uploaderId).toBe(agent.id);
  });

  it.each([
    ["another client's ticket", () => otherClient],
    ["a role that sees no tickets", () => accountant],
  ])("answers 'not found' for %s and stores nothing, reading no byte", async (_what, who) => {
    const ticket = await insertTicket(client);
    const before = await counts();
    const t = multipart([{ filename: "a.png", bytes: PNG }]);
    const error = await refusal(uploadTicketAttachments(who(), { number: ticket.number, upload: t.upload }));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("That ticket was not found.");
    expect(t.pulled()).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["closed", /ticket is closed/],
    ["wont_fix", /won't fix/],
  ] as const)("refuses uploads to a %s ticket with 409 and a clear message", async (status, message) => {
    const ticket = await insertTicket(client, { status });
    const before = await counts();
    const t = multipart([{ filename: "a.png", bytes: PNG }]);
    const error = await refusal(uploadTicketAttachments(client, { number: ticket.number, upload: t.upload }));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(message);
    expect(t.pulled()).toBe(0);
    expect(await counts()).toEqual(before);
  });
});

describe("bad input is refused and nothing is stored", () => {
  const cases: Array<[string, Part[], Parameters<typeof multipart>[1], number | string, RegExp]> = [
    ["HTML renamed .png", [{ filename: "x.png", bytes: "<html><body onload=alert(1)>" }], {}, 415, /named like a PNG image, but its content is not one/],
    ["a script renamed .png", [{ filename: "x.png", bytes: "<script>alert(1)</script>", type: "image/png" }], {}, 415, /content is not one/],
    ["an SVG with onload", [{ filename: "logo.svg", bytes: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' }], {}, 415, /\.svg files are not accepted/],
    ["an SVG named .png", [{ filename: "logo.png", bytes: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' }], {}, 415, /content is not one/],
    ["a file declared image/svg+xml; x", [{ filename: "logo.png", bytes: PNG, type: "image/svg+xml; x" }], {}, 415, /sent as image\/svg\+xml/],
    ["an empty file", [{ filename: "empty.pdf", bytes: "" }], {}, 422, /"empty.pdf" is empty/],
    ["an oversize file", [{ filename: "huge.pdf", bytes: Buffer.concat([PDF, Buffer.alloc(10 * MB)]) }], {}, 413, /larger than the limit of 10 MB per file/],
    ["a body longer than its Content-Length", [{ filename: "liar.png", bytes: PNG }], { contentLength: 64, endless: true }, 413, /larger than/],
    ["a good file next to a bad one", [{ filename: "ok.png", bytes: PNG }, { filename: "bad.png", bytes: "GIF89a" }], {}, 415, /"bad.png"/],
    ["a PDF named .png", [{ filename: "x.png", bytes: PDF }], {}, 415, /its content is a PDF file/],
  ];

  it.each(cases)("%s", async (_what, parts, opts, status, message) => {
    const ticket = await insertTicket(client);
    const before = await counts();
    const error = await refusal(toTicket(client, ticket.number, parts, opts));
    expect(statusOf(error)).toBe(status);
    expect(error.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("answers 'not found' for a message id that is not a uuid, without asking the database", async () => {
    const error = await refusal(uploadMessageAttachments(client, { messageId: "1 OR 1=1; --", upload: multipart([]).upload }));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("That message was not found.");
  });

  it("refuses unknown input keys", async () => {
    const ticket = await insertTicket(client);
    const input = { number: ticket.number, upload: multipart([]).upload, uploaderId: agent.id };
    expect((await refusal(uploadTicketAttachments(client, input))).code).toBe("invalid");
  });

  it("refuses a request without files", async () => {
    const ticket = await insertTicket(client);
    const error = await refusal(toTicket(client, ticket.number, []));
    expect(error.message).toBe("Choose at least one file to upload.");
  });
});

describe("per-message limits", () => {
  it("counts the files a message already has", async () => {
    setAttachmentConfig({ maxFiles: 3 });
    const ticket = await insertTicket(client);
    await toTicket(client, ticket.number, [{ filename: "1.png", bytes: PNG }, { filename: "2.png", bytes: PNG }]);
    const error = await refusal(toTicket(client, ticket.number, [{ filename: "3.png", bytes: PNG }, { filename: "4.png", bytes: PNG }]));
    expect(statusOf(error)).toBe(422);
    expect(error.message).toBe("A ticket can have at most 3 files; this one already has 2.");
    expect(await toTicket(client, ticket.number, [{ filename: "3.png", bytes: PNG }])).toHaveLength(1);
  });

  it("counts the bytes a message already carries", async () => {
    setAttachmentConfig({ maxFileBytes: 1024, maxTotalBytes: 1500 });
    const ticket = await insertTicket(client);
    const message = await insertMessage(ticket.id, client);
    const kb = Buffer.concat([PDF, Buffer.alloc(1000 - PDF.length)]);
    await uploadMessageAttachments(client, { messageId: message.id, upload: multipart([{ filename: "a.pdf", bytes: kb }]).upload });
    const error = await refusal(uploadMessageAttachments(client, { messageId: message.id, upload: multipart([{ filename: "b.pdf", bytes: kb }]).upload }));
    expect(statusOf(error)).toBe(413);
    expect(error.message).toMatch(/A message can carry at most 1.5 KB of files; this one already has 1000 bytes/);
  });

  it("lets exactly one of two racing uploads take the last free place", async () => {
    setAttachmentConfig({ maxFiles: 1 });
    const ticket = await insertTicket(client);
    const results = await Promise.allSettled([
      toTicket(client, ticket.number, [{ filename: "a.png", bytes: PNG }]),
      toTicket(client, ticket.number, [{ filename: "b.png", bytes: PNG }]),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const db = await getDb();
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, ticket.id))).toHaveLength(1);
  });
});

describe("uploading to a message", () => {
  it("attaches to the author's own reply and to an agent's internal note (flagged internal in history)", async () => {
    const ticket = await insertTicket(client);
    const reply = await insertMessage(ticket.id, client);
    const [onReply] = await uploadMessageAttachments(client, { messageId: reply.id, upload: multipart([{ filename: "log.txt", bytes: "line 1\n" }]).upload });
    expect(onReply!.messageId).toBe(reply.id);
    expect(onReply!.mimeType).toBe("text/plain; charset=utf-8");

    const note = await insertMessage(ticket.id, agent, { visibility: "internal" });
    const [onNote] = await uploadMessageAttachments(agent, { messageId: note.id, upload: multipart([{ filename: "trace.png", bytes: PNG }]).upload });
    const db = await getDb();
    const [history] = await db.select().from(ticketHistory).where(sql`${ticketHistory.metadata}->>'attachmentId' = ${onNote!.id}`);
    expect(history!.metadata).toMatchObject({ internal: true, messageId: note.id });
  });

  it("treats an internal note as not found for a client", async () => {
    const ticket = await insertTicket(client);
    const note = await insertMessage(ticket.id, agent, { visibility: "internal" });
    const error = await refusal(uploadMessageAttachments(client, { messageId: note.id, upload: multipart([{ filename: "a.png", bytes: PNG }]).upload }));
    expect(error.code).toBe("not_found");
  });

  it("refuses files on someone else's message (forbidden) and on a closed ticket (conflict)", async () => {
    const ticket = await insertTicket(client);
    const agentReply = await insertMessage(ticket.id, agent);
    const forbidden = await refusal(uploadMessageAttachments(client, { messageId: agentReply.id, upload: multipart([{ filename: "a.png", bytes: PNG }]).upload }));
    expect(forbidden.code).toBe("forbidden");
    expect(forbidden.message).toBe("Only the author of a message can add files to it.");

    const closed = await insertTicket(client, { status: "closed" });
    const reply = await insertMessage(closed.id, client);
    const conflict = await refusal(uploadMessageAttachments(client, { messageId: reply.id, upload: multipart([{ filename: "a.png", bytes: PNG }]).upload }));
    expect(conflict.code).toBe("conflict");
  });
});
