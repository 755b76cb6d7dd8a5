/**
 * Test helpers (imported by *.test.ts only): real file signatures, a multipart body builder whose
 * stream counts what the server pulled, and rows inserted directly (tickets are another area's).
 */
import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { getDb } from "@/db";
import { messages, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { UploadBody } from "./multipart";

export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000202a7d6f8530000000049454e44ae426082",
  "hex",
);
export const JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");
export const GIF = Buffer.from("474946383961010001000000002c00000000010001000002003b", "hex");
export const WEBP = (() => {
  const b = Buffer.alloc(30);
  b.write("RIFF", 0);
  b.writeUInt32LE(22, 4);
  b.write("WEBPVP8 ", 8);
  return b;
})();
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
export const CFB = (() => {
  const b = Buffer.alloc(1536);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(b);
  return b;
})();

/** A STORED zip archive (enough for file-type to read the entries). */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const officeZip = (main: string, dir: string) =>
  zip({
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${dir}/x.xml" ContentType="application/vnd.openxmlformats-officedocument.${main}.main+xml"/></Types>`,
    [`${dir}/x.xml`]: "<x/>",
  });
export const DOCX = officeZip("wordprocessingml.document", "word");
export const XLSX = officeZip("spreadsheetml.sheet", "xl");
export const ZIP = zip({ "readme.txt": "hello" });

export type Part = {
  filename: string;
  bytes: Uint8Array | string;
  type?: string;
  /** Send the name as RFC 5987 `filename*` (lets a test put NUL or controls in it). */
  extended?: boolean;
  field?: string;
};

export type TestUpload = { upload: UploadBody; total: number; pulled: () => number };

/**
 * A multipart body as a stream of `chunk`-sized pieces. `pulled()` says how many bytes the reader
 * asked for, so a test can prove a refusal stopped reading. `contentLength` overrides the header
 * (to lie); `endless` keeps sending zero bytes after the given parts (a body that never ends).
 */
export function multipart(
  parts: Part[],
  opts: { contentLength?: number | null; chunk?: number; endless?: boolean; fields?: Record<string, string> } = {},
): TestUpload {
  const boundary = `----ticketry${randomBytes(8).toString("hex")}`;
  const pieces: Buffer[] = [];
  for (const [name, value] of Object.entries(opts.fields ?? {})) {
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const p of parts) {
    const disposition = p.extended
      ? `filename*=UTF-8''${encodeURIComponent(p.filename)}`
      : `filename="${p.filename.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`;
    pieces.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.field ?? "files"}"; ${disposition}\r\nContent-Type: ${p.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      Buffer.from(p.bytes),
      Buffer.from("\r\n"),
    );
  }
  if (!opts.endless) pieces.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(pieces);
  const chunk = opts.chunk ?? 64 * 1024;
  let position = 0;
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (position < body.length) {
        const piece = body.subarray(position, position + chunk);
        position += piece.length;
        pulled += piece.length;
        controller.enqueue(new Uint8Array(piece));
      } else if (opts.endless) {
        pulled += chunk;
        controller.enqueue(new Uint8Array(chunk));
      } else controller.close();
    },
  }, { highWaterMark: 0 });
  const contentLength = opts.contentLength === undefined ? String(body.length) : opts.contentLength === null ? null : String(opts.contentLength);
  return {
    upload: { contentType: `multipart/form-data; boundary=${boundary}`, contentLength, body: stream },
    total: body.length,
    pulled: () => pulled,
  };
}

let sequence = 0;

/** A ticket row inserted directly (lib/tickets owns creation). */
export async function insertTicket(requester: Actor, values: Partial<typeof tickets.$inferInsert> = {}) {
  const db = await getDb();
  sequence++;
  const [row] = await db
    .insert(tickets)
    .values({
      number: `TKT-20250101-${String(sequence).padStart(4, "0")}-${randomBytes(2).toString("hex")}`,
      title: "Printer on fire",
      body: "It is on fire.",
      status: "open",
      requesterId: requester.id,
      ...values,
    })
    .returning({ id: tickets.id, number: tickets.number });
  return row!;
}

export async function insertMessage(ticketId: string, author: Actor, values: Partial<typeof messages.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(messages)
    .values({ ticketId, authorId: author.id, body: "A reply", visibility: "public", ...values })
    .returning({ id: messages.id });
  return row!;
}
