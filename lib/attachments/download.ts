import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { findVisibleAttachment } from "./access";
import { isUuid } from "@/lib/input";
import { attachmentNotFound, unsupported } from "./errors";
import { getStorage } from "./storage";
import { isRasterImage } from "./types";

export type AttachmentFile = { id: string; filename: string; mimeType: string; size: number; bytes: Uint8Array };

/**
 * The bytes of an attachment the actor may see: its ticket is visible to them, and it is not on an
 * internal note unless they are staff. Anything else — another client's file, a malformed id — is
 * "not found", never "forbidden". `image` serves only raster images (PNG, JPEG, GIF, WebP).
 */
export async function getAttachmentFile(actor: Actor, input: { id: string; variant: "download" | "image" }): Promise<AttachmentFile> {
  if (!isUuid(input.id)) throw attachmentNotFound();
  const db = await getDb();
  const row = await findVisibleAttachment(db, actor, input.id);
  if (!row) throw attachmentNotFound();
  if (input.variant === "image" && !isRasterImage(row.mimeType)) {
    throw unsupported("This attachment is not an image that can be shown inline; download it instead.");
  }
  const bytes = await getStorage().get(db, row.storageKey);
  if (!bytes) throw new AppError("not_found", "The file of this attachment is no longer available.");
  return { id: row.id, filename: row.filename, mimeType: row.mimeType, size: bytes.byteLength, bytes };
}
