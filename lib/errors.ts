/**
 * Expected failures are typed: a domain function throws an AppError with a code and a message a
 * person can read; actions turn it into `{ ok: false }`. Anything else is a bug: logged, and the
 * user sees a generic message (never a database error).
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "throttled"
  | "unverified";

export class AppError extends Error {
  /** For "throttled": seconds until a retry may succeed (an HTTP answer's Retry-After). */
  public readonly retryAfterSeconds?: number;

  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string>,
    opts: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export const notFound = (what = "That page") => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do that.") => new AppError("forbidden", message);

export type FieldErrors = Record<string, string>;
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | ActionFailure;

export type ActionFailure = { ok: false; formError?: string; fieldErrors?: FieldErrors; code?: ErrorCode };

export const GENERIC_ERROR = "Something went wrong on our side. Nothing was changed; please try again.";

/** Maps any thrown value to an action result, logging what is not an expected failure. */
export function toActionError(error: unknown, context: string): ActionFailure {
  if (error instanceof AppError) {
    return { ok: false, code: error.code, formError: error.fieldErrors ? undefined : error.message, fieldErrors: error.fieldErrors };
  }
  console.error(`[${context}]`, error);
  return { ok: false, formError: GENERIC_ERROR };
}

/** Turns a zod error into one message per field (the first one). */
export function zodFieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string }>): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    if (issue.code === "unrecognized_keys") {
      out._form ??= "The form sent fields it may not set.";
      continue;
    }
    out[key] ??= issue.message;
  }
  return out;
}
