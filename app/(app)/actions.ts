"use server";

import { signOut } from "@/auth";
import { endCurrentSession } from "@/lib/auth/session";

/** Ends the session on the server, then clears the cookie. */
export async function signOutAction() {
  await endCurrentSession();
  await signOut({ redirectTo: "/sign-in" });
}
