import { AppError, type ErrorCode } from "@/lib/errors";

/**
 * An expected attachment failure that needs an HTTP status AppError's codes do not name
 * (413 too large, 415 unsupported type). Still an AppError, so actions treat it the same way;
 * lib/http/status.ts's statusOf answers with its own status.
 */
export class AttachmentError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    public readonly status: number,
    public readonly file?: string,
  ) {
    super(code, message);
  }
}

export const tooLarge = (message: string, file?: string) => new AttachmentError("invalid", message, 413, file);
export const unsupported = (message: string, file?: string) => new AttachmentError("invalid", message, 415, file);
export const unprocessable = (message: string, file?: string) => new AttachmentError("invalid", message, 422, file);
export const badRequest = (message: string) => new AttachmentError("invalid", message, 400);

export const attachmentNotFound = () => new AppError("not_found", "That attachment was not found.");
