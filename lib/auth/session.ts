import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import { AppError } from "@/lib/errors";
import { loadActor, type Actor } from "./actor";
import type { Permission } from "./permissions";

/**
 * The bridge from the Auth.js session to an Actor, once per request. A token whose session version
 * no longer matches the database (password changed, reset, role changed, deactivated) counts as
 * signed out.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sv = (session as { sv?: unknown } | null)?.sv;
  if (!userId || typeof sv !== "number") return null;
  return loadActor(userId, sv);
});

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
