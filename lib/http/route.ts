import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorOrThrow } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { isCronAuthorized, unauthorizedCron } from "./cron";
import { assertSameOrigin } from "./same-origin";
import { errorResponse, internalErrorResponse } from "./status";

/**
 * The one door for route handlers (app/api/**): the caller (a session, the cron secret, or nobody)
 * → the handler (a domain call that answers a Response) → failures as JSON `{ error: { code,
 * message, fields? } }` with the status table's status; the unexpected is logged and answered 500
 * with a generic message. Cookie-authenticated writes (anything but GET/HEAD) must come from this
 * site. `headers` go on error answers too (attachments keep their safe headers on every answer).
 *
 *   export const GET = route({ name: "GET /api/invoices/[id]/pdf" }, async (_request, { actor, params }) =>
 *     pdfResponse(await invoicePdf(actor, params.id)));
 */
export type RouteOptions = {
  /** For the logs: "GET /api/attachments/[id]". */
  name: string;
  /** Who may call: a signed-in user (default) or a scheduler holding CRON_SECRET. */
  caller?: "session" | "cron";
  headers?: HeadersInit;
};

type Params = Record<string, string | string[] | undefined>;
/** What Next passes a route handler as its second argument. */
export type RouteContext<P extends Params> = { params: Promise<P> };

export function route<P extends Params = Params>(
  opts: RouteOptions & { caller?: "session" },
  handler: (request: Request, ctx: { actor: Actor; params: P }) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response>;
export function route<P extends Params = Params>(
  opts: RouteOptions & { caller: "cron" },
  handler: (request: Request, ctx: { params: P }) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response>;
export function route<P extends Params>(
  opts: RouteOptions,
  handler: (request: Request, ctx: { actor: Actor; params: P }) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      if (opts.caller === "cron") {
        if (!isCronAuthorized(request)) return unauthorizedCron();
        return await handler(request, { actor: undefined as never, params: await paramsOf(context) });
      }
      const actor = await actorOrThrow();
      if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      return await handler(request, { actor, params: await paramsOf(context) });
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error, opts.headers);
      console.error(`[${opts.name}]`, error);
      return internalErrorResponse(opts.headers);
    }
  };
}

const paramsOf = async <P extends Params>(context: RouteContext<P> | undefined): Promise<P> => ((await context?.params) ?? {}) as P;
