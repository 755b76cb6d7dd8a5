"use server";

import { revalidatePath } from "next/cache";
import { actorOrThrow } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { kickOutbox } from "@/lib/mail/kick";
import { inviteAgent, resendAgentInvite, updateAgent, type UpdatedAgent } from "@/lib/users/agents";

/** Thin doors in front of lib/users/agents: session → domain (permission, role rule, strict schema) → revalidate. */

export async function inviteAgentAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    const actor = await actorOrThrow();
    const { email } = await inviteAgent(actor, input);
    kickOutbox();
    revalidatePath("/manage/agents");
    return { ok: true, data: { email } };
  } catch (error) {
    return toActionError(error, "invite-agent");
  }
}

export async function updateAgentAction(input: unknown): Promise<ActionResult<UpdatedAgent>> {
  try {
    const actor = await actorOrThrow();
    const data = await updateAgent(actor, input);
    revalidatePath("/manage", "layout");
    return { ok: true, data };
  } catch (error) {
    return toActionError(error, "update-agent");
  }
}

export async function resendAgentInviteAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    const actor = await actorOrThrow();
    const data = await resendAgentInvite(actor, input);
    kickOutbox();
    return { ok: true, data };
  } catch (error) {
    return toActionError(error, "resend-agent-invite");
  }
}
