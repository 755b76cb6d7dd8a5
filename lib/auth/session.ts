import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import { AppError } from "@/lib/errors";
import { loadSessionActor, type Actor } from "./actor";
import { endSignedOutSession } from "./sessions";
import type { Permission } from "./permissions";

/**
 * The bridge from the Auth.js session to an Actor, once per request. A token whose session row is
 * ended (signed out, ended from the account page) or whose session version no longer matches the
 * database (password changed, reset, role changed, deactivated) counts as signed out; so does a token
 * from before session rows existed (no sid).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const { userId, sv, sid } = await tokenClaims();
  if (!userId || typeof sv !== "number" || typeof sid !== "string") return null;
  return loadSessionActor(userId, sv, sid);
});

async function tokenClaims() {
  const session = (await auth()) as { user?: { id?: string }; sv?: unknown; sid?: unknown } | null;
  return { userId: session?.user?.id, sv: session?.sv, sid: session?.sid };
}

/**
 * Sign-out, first half: ends this browser's session row, so a copy of the cookie is refused from now
 * on. Before the cookie is cleared, and failing loudly (Auth.js's own sign-out event, which does the
 * same for /api/auth/signout, only logs a failure).
 */
export async function endCurrentSession(): Promise<void> {
  const { userId, sid } = await tokenClaims();
  if (userId && typeof sid === "string") await endSignedOutSession(userId, sid);
}

/** For pages: the actor, or a redirect to sign-in. With a permission, a missing one is "not found". */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  if (permission && !actor.permissions.has(permission)) {
    notFound();
  }
  return actor;
}

/** For actions and route handlers: the actor, or a typed error (no redirect). */
export async function actorOrThrow(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  return actor;
}
