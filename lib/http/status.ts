import { AppError, GENERIC_ERROR, type ErrorCode } from "@/lib/errors";

/**
 * The one table from an expected failure to an HTTP status, for every route handler (and the
 * proxy's early refusals). A row the caller may not see is not_found (404): domain functions put
 * visibility in the WHERE clause, so they throw not_found, not forbidden, for it. "forbidden" is for
 * a row one sees but may not change (an agent deleting a client's upload).
 */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  throttled: 429,
  unverified: 403,
};

/** An expected failure that needs a status the codes do not name (413 too large, 415 unsupported type). */
export type WithStatus = AppError & { status: number };

export function statusOf(error: AppError): number {
  const own = (error as Partial<WithStatus>).status;
  return typeof own === "number" ? own : HTTP_STATUS[error.code];
}

export type ErrorBody = { error: { code: ErrorCode | "internal"; message: string; fields?: Record<string, string> } };

/** The JSON error every route answers with: `{ error: { code, message, fields? } }`, plus Retry-After when throttled. */
export function errorResponse(error: AppError, headers: HeadersInit = {}): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fieldErrors ? { fields: error.fieldErrors } : {}) } };
  const h = new Headers(headers);
  if (error.code === "throttled" && error.retryAfterSeconds) h.set("Retry-After", String(error.retryAfterSeconds));
  return Response.json(body, { status: statusOf(error), headers: h });
}

/** The unexpected: a generic message (never the internal error, which the caller logs). */
export function internalErrorResponse(headers: HeadersInit = {}): Response {
  const body: ErrorBody = { error: { code: "internal", message: GENERIC_ERROR } };
  return Response.json(body, { status: 500, headers });
}
