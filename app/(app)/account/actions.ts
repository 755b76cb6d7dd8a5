"use server";

import { revalidatePath } from "next/cache";
import { signIn } from "@/auth";
import { changePassword, updateProfile } from "@/lib/auth/account";
import { endOtherSessions, endSession } from "@/lib/auth/sessions";
import { actorOrThrow } from "@/lib/auth/session";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { toActionError, type ActionResult } from "@/lib/errors";

export async function updateProfileAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  try {
    const actor = await actorOrThrow();
    const data = await updateProfile(actor, input);
    revalidatePath("/", "layout");
    return { ok: true, data };
  } catch (error) {
    return toActionError(error, "update-profile");
  }
}

export async function changePasswordAction(input: unknown): Promise<ActionResult<null>> {
  try {
    const actor = await actorOrThrow();
    const { email } = await changePassword(actor, input);
    // Every session ended with the change; this one continues with a fresh token.
    const { password } = changePasswordSchema.parse(input);
    await signIn("credentials", { email, password, redirect: false });
    return { ok: true, data: null };
  } catch (error) {
    return toActionError(error, "change-password");
  }
}

export async function endSessionAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const actor = await actorOrThrow();
    const data = await endSession(actor, input);
    revalidatePath("/account");
    return { ok: true, data };
  } catch (error) {
    return toActionError(error, "end-session");
  }
}

export async function endOtherSessionsAction(): Promise<ActionResult<{ ended: number }>> {
  try {
    const actor = await actorOrThrow();
    const data = await endOtherSessions(actor);
    revalidatePath("/account");
    return { ok: true, data };
  } catch (error) {
    return toActionError(error, "end-other-sessions");
  }
}
