/**
 * Agent management forms (seed 002: "a manager can create new agents or change the details of an
 * agent"). The same strict schemas run in the browser (react-hook-form) and in the domain: a role
 * other than the two agent tiers, or any unknown key, is refused.
 */
import { z } from "zod";
import { emailField } from "@/lib/auth/schemas";
import { safeLine, searchText, uuid } from "@/lib/input";

export const AGENT_TIERS = ["agent", "agent_l2"] as const;
export type AgentTier = (typeof AGENT_TIERS)[number];
export const TIER_LABELS: Record<AgentTier, string> = { agent: "First line", agent_l2: "Second line" };

export const isAgentTier = (role: string): role is AgentTier => (AGENT_TIERS as readonly string[]).includes(role);

const agentName = safeLine().min(1, "Enter the agent's name.").max(120, "Use at most 120 characters.");
const tier = z.enum(AGENT_TIERS, "Choose first line or second line.");
const departmentIds = z
  .array(uuid("Choose departments from the list."), "Choose departments from the list.")
  .max(50, "Choose at most 50 departments.");

export const inviteAgentSchema = z
  .object({
    name: agentName,
    email: emailField,
    tier,
    departmentIds: departmentIds.default([]),
  })
  .strict();

/** Every field but the id is optional: undefined leaves it as it is. */
export const updateAgentSchema = z
  .object({
    userId: uuid("This agent was not found."),
    name: agentName.optional(),
    tier: tier.optional(),
    departmentIds: departmentIds.optional(),
    active: z.boolean("Choose whether the agent is active.").optional(),
  })
  .strict();

export const agentRefSchema = z.object({ userId: uuid("This agent was not found.") }).strict();

export const clientSearchSchema = z
  .object({ q: searchText(120).default("") })
  .strict();

export type InviteAgentInput = z.input<typeof inviteAgentSchema>;
export type UpdateAgentInput = z.input<typeof updateAgentSchema>;
