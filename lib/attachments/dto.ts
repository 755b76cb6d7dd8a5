import { clientIp } from "@/lib/http/client-ip";
import { isRasterImage } from "./types";

/** What the thread renders and the upload answers: no storage key, nothing about the bytes' location. */
export type AttachmentDto = {
  id: string;
  ticketId: string;
  messageId: string | null;
  filename: string;
  size: number;
  mimeType: string;
  isImage: boolean;
  uploaderId: string | null;
  createdAt: string;
  downloadUrl: string;
  imageUrl: string | null;
};

export function toAttachmentDto(row: {
  id: string;
  ticketId: string;
  messageId: string | null;
  filename: string;
  size: number;
  mimeType: string;
  uploaderId: string | null;
  createdAt: Date;
}): AttachmentDto {
  const isImage = isRasterImage(row.mimeType);
  return {
    id: row.id,
    ticketId: row.ticketId,
    messageId: row.messageId,
    filename: row.filename,
    size: row.size,
    mimeType: row.mimeType,
    isImage,
    uploaderId: row.uploaderId,
    createdAt: row.createdAt.toISOString(),
    downloadUrl: `/api/attachments/${row.id}`,
    imageUrl: isImage ? `/api/attachments/${row.id}/image` : null,
  };
}

/** Who asked, for the history row (SPEC: metadata carries IP, user agent, channel). */
export type RequestMeta = { ip?: string | null; userAgent?: string | null };

export function metaFrom(request: Request): RequestMeta {
  const ip = clientIp(request.headers);
  return { ip: ip === "unknown" ? null : ip, userAgent: request.headers.get("user-agent")?.slice(0, 300) };
}
