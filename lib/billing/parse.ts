import type { z } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors";

/** Parses a form's input with its .strict() schema; bad input is an AppError with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "Check the highlighted fields.", zodFieldErrors(parsed.error.issues));
  return parsed.data;
}

export function fieldError(field: string, message: string): AppError {
  return new AppError("invalid", message, { [field]: message });
}

/** Route and page ids: anything but a UUID is simply "not found" (and never reaches SQL). */
export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The PostgreSQL error code (SQLSTATE) of a failed query, whichever driver or wrapper threw it. */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
