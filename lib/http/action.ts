import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actorOrThrow } from "@/lib/auth/session";
import { toActionError, type ActionFn, type ActionResult } from "@/lib/errors";

/**
 * The one door for server actions: actor from the session (or none, for the public auth forms) →
 * the domain call (which parses with the form's schema and checks permission and visibility) →
 * revalidate → redirect outside the try. An AppError becomes `{ ok: false, formError?,
 * fieldErrors?, code? }` for the form; anything else is logged and the user reads GENERIC_ERROR.
 *
 *   export const closeTicketAction = action(
 *     { name: "close-ticket", input: ticketRefSchema, revalidate: EVERYTHING },
 *     async (actor, input) => redirectTo(`/tickets/${(await closeTicket(actor, input)).number}`),
 *   );
 */

const REDIRECT = Symbol("redirect");
/** What a step returns to send the browser elsewhere once it succeeded (redirect() runs outside the try). */
export type Redirect = { readonly [REDIRECT]: string };
export const redirectTo = (path: string): Redirect => ({ [REDIRECT]: path });
const isRedirect = (value: unknown): value is Redirect => !!value && typeof value === "object" && REDIRECT in value;

export type Revalidate = { path: string; type?: "layout" | "page" };
/** Every page: counts in the navigation, lists and details all change together. */
export const EVERYTHING: Revalidate = { path: "/", type: "layout" };

export type ActionOptions<S extends z.ZodType> = {
  /** For the logs: "create-ticket". */
  name: string;
  /**
   * The form's schema. It types the action's input (z.input), so forms call the action without a
   * cast; the domain function is the one that parses it (its tests call it directly).
   */
  input?: S;
  revalidate?: Revalidate | Revalidate[];
};

/** The data of a step's result: what it returns, minus a redirect (never, when it always redirects). */
export type ActionData<T> = Exclude<T, Redirect>;
export type { ActionFn };

async function runDoor<T>(name: string, revalidate: Revalidate[], step: () => Promise<T>): Promise<ActionResult<ActionData<T>>> {
  let target: string;
  try {
    const out = await step();
    for (const r of revalidate) revalidatePath(r.path, r.type);
    if (!isRedirect(out)) return { ok: true, data: out as ActionData<T> };
    target = out[REDIRECT];
  } catch (error) {
    unstable_rethrow(error); // a redirect() or notFound() from inside is Next's, not a failure
    return toActionError(error, name);
  }
  redirect(target);
}

const list = (r: Revalidate | Revalidate[] | undefined) => (r ? (Array.isArray(r) ? r : [r]) : []);

/** A server action for a signed-in user: no session → `{ ok: false, code: "unauthenticated" }`. */
export function action<S extends z.ZodType = z.ZodVoid, T = unknown>(
  opts: ActionOptions<S>,
  step: (actor: Actor, input: unknown) => Promise<T>,
): ActionFn<z.input<S>, ActionData<T>> {
  return async (input) => runDoor(opts.name, list(opts.revalidate), async () => step(await actorOrThrow(), input));
}

/** A server action anyone may call (sign-in, register, reset password): no actor. */
export function publicAction<S extends z.ZodType = z.ZodVoid, T = unknown>(
  opts: ActionOptions<S>,
  step: (input: unknown) => Promise<T>,
): ActionFn<z.input<S>, ActionData<T>> {
  return async (input) => runDoor(opts.name, list(opts.revalidate), () => step(input));
}
