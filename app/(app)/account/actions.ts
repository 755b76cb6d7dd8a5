"use server";

import { signIn } from "@/auth";
import { changePassword, updateProfile } from "@/lib/auth/account";
import { changePasswordSchema, profileSchema, sessionRefSchema } from "@/lib/auth/schemas";
import { endOtherSessions, endSession } from "@/lib/auth/sessions";
import { action, EVERYTHING } from "@/lib/http/action";
import { parseInput } from "@/lib/input";

export const updateProfileAction = action({ name: "update-profile", input: profileSchema, revalidate: EVERYTHING }, (actor, input) =>
  updateProfile(actor, input),
);

export const changePasswordAction = action({ name: "change-password", input: changePasswordSchema }, async (actor, input) => {
  const { email } = await changePassword(actor, input);
  // Every session ended with the change; this one continues with a fresh token.
  const { password } = parseInput(changePasswordSchema, input);
  await signIn("credentials", { email, password, redirect: false });
  return null;
});

export const endSessionAction = action({ name: "end-session", input: sessionRefSchema, revalidate: { path: "/account" } }, (actor, input) =>
  endSession(actor, input),
);

export const endOtherSessionsAction = action({ name: "end-other-sessions", revalidate: { path: "/account" } }, (actor) => endOtherSessions(actor));
