import { AppError, GENERIC_ERROR } from "@/lib/errors";

const STATUS: Partial<Record<AppError["code"], number>> = { unauthenticated: 401, forbidden: 404, not_found: 404, invalid: 400, conflict: 409 };

/**
 * Route handlers answer failures as JSON with a status: no session 401, anything the actor may not
 * see or do 404 (a forbidden row is "not found", as on pages), bad input 400; the unexpected 500,
 * logged, with a generic message.
 */
export function errorJson(error: unknown, context: string): Response {
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code === "forbidden" ? "not_found" : error.code, message: error.code === "forbidden" ? "Not found." : error.message } }, { status: STATUS[error.code] ?? 400 });
  }
  console.error(`[${context}]`, error);
  return Response.json({ error: { code: "internal", message: GENERIC_ERROR } }, { status: 500 });
}
