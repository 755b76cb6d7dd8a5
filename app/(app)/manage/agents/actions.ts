"use server";

import { action } from "@/lib/http/action";
import { kickOutbox } from "@/lib/mail/kick";
import { inviteAgent, resendAgentInvite, updateAgent } from "@/lib/users/agents";
import { agentRefSchema, inviteAgentSchema, updateAgentSchema } from "@/lib/users/schemas";

/** Thin doors in front of lib/users/agents (lib/http/action.ts): session → domain (permission, role rule, strict schema) → revalidate. */

export const inviteAgentAction = action(
  { name: "invite-agent", input: inviteAgentSchema, revalidate: { path: "/manage/agents" } },
  async (actor, input) => {
    const { email } = await inviteAgent(actor, input);
    kickOutbox();
    return { email };
  },
);

export const updateAgentAction = action({ name: "update-agent", input: updateAgentSchema, revalidate: { path: "/manage", type: "layout" } }, (actor, input) =>
  updateAgent(actor, input),
);

export const resendAgentInviteAction = action({ name: "resend-agent-invite", input: agentRefSchema }, async (actor, input) => {
  const data = await resendAgentInvite(actor, input);
  kickOutbox();
  return data;
});
