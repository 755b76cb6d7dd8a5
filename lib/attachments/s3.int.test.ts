import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { attachmentBlobs, attachments, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/test/factories";
import { resetAttachmentConfig, setAttachmentConfig } from "./config";
import { deleteAttachment } from "./delete";
import { getAttachmentFile } from "./download";
import { purgeTicketAttachments } from "./purge";
import { setStorage } from "./storage";
import { FAKE_S3, startFakeS3 } from "./storage/fake-s3";
import { s3Store } from "./storage/s3";
import { insertTicket, multipart, PDF, PNG } from "./testing";
import { uploadTicketAttachments } from "./upload";

let s3: Awaited<ReturnType<typeof startFakeS3>>;
let client: Actor;
let admin: Actor;

beforeAll(async () => {
  s3 = await startFakeS3();
  setStorage(s3Store({ endpoint: s3.endpoint, ...FAKE_S3 }));
  client = await createUser("client");
  admin = await createUser("admin");
});
afterAll(async () => {
  setStorage(null);
  await s3.close();
});
afterEach(() => resetAttachmentConfig());

const blobRows = async () => Number((await (await getDb()).select({ n: sql<number>`count(*)::int` }).from(attachmentBlobs))[0]!.n);

describe("with STORAGE_DRIVER=s3", () => {
  it("stores bytes in the bucket under the random key, serves them back, deletes them", async () => {
    const ticket = await insertTicket(client);
    const [shot, pdf] = await uploadTicketAttachments(client, {
      number: ticket.number,
      upload: multipart([{ filename: "shot.png", bytes: PNG }, { filename: "r.pdf", bytes: PDF }]).upload,
    });
    const db = await getDb();
    const [row] = await db.select().from(attachments).where(eq(attachments.id, shot!.id));
    expect(s3.objects.get(row!.storageKey)).toMatchObject({ type: "image/png" });
    expect(await blobRows()).toBe(0); // nothing in PostgreSQL
    const file = await getAttachmentFile(client, { id: shot!.id, variant: "image" });
    expect(Buffer.from(file.bytes).equals(PNG)).toBe(true);

    await deleteAttachment(client, { id: pdf!.id });
    expect(s3.objects.size).toBe(1);
    await db.transaction(async (tx) => {
      await purgeTicketAttachments(tx, ticket.id);
      await tx.delete(tickets).where(eq(tickets.id, ticket.id));
    });
    expect(s3.objects.size).toBe(0);
  });

  it("removes objects it put when the transaction then refuses the upload", async () => {
    setAttachmentConfig({ maxFiles: 1 });
    const ticket = await insertTicket(client);
    await uploadTicketAttachments(client, { number: ticket.number, upload: multipart([{ filename: "a.png", bytes: PNG }]).upload });
    const before = new Set(s3.objects.keys());
    const puts = s3.log.filter((l) => l.startsWith("PUT")).length;
    await expect(
      uploadTicketAttachments(client, { number: ticket.number, upload: multipart([{ filename: "b.png", bytes: PNG }]).upload }),
    ).rejects.toThrow(/at most 1 file;/);
    expect(s3.log.filter((l) => l.startsWith("PUT")).length).toBe(puts + 1); // it was put...
    expect(new Set(s3.objects.keys())).toEqual(before); // ...and removed again
  });

  it("answers 'no longer available' when the object is missing from the bucket", async () => {
    const ticket = await insertTicket(client);
    const [a] = await uploadTicketAttachments(admin, { number: ticket.number, upload: multipart([{ filename: "a.png", bytes: PNG }]).upload });
    s3.objects.clear();
    await expect(getAttachmentFile(admin, { id: a!.id, variant: "download" })).rejects.toThrow("The file of this attachment is no longer available.");
  });
});
