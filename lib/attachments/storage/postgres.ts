import { eq, inArray } from "drizzle-orm";
import { attachmentBlobs } from "@/db/schema";
import type { BlobStore } from "./types";

/** The default: bytes in the attachment_blobs table, so a deployment needs nothing but its database. */
export const postgresStore: BlobStore = {
  name: "postgres",
  transactional: true,
  async put(conn, key, bytes) {
    await conn.insert(attachmentBlobs).values({ key, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  },
  async get(conn, key) {
    const [row] = await conn.select({ data: attachmentBlobs.data }).from(attachmentBlobs).where(eq(attachmentBlobs.key, key));
    return row ? row.data : null;
  },
  async delete(conn, keys) {
    if (keys.length) await conn.delete(attachmentBlobs).where(inArray(attachmentBlobs.key, [...keys]));
  },
};
