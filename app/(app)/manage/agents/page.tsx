import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { listAgents, listDepartmentOptions } from "@/lib/users/queries";
import { InviteAgentForm } from "./agent-forms";
import { AgentsTable } from "./agents-table";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  const actor = await requireActor("agent.manage");
  const [agents, departments] = await Promise.all([listAgents(actor), listDepartmentOptions()]);
  return (
    <>
      <PageHeader title="Agents" description="First-line agents work the open queue; second-line agents work escalated tickets." />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="agents-heading" className="lg:col-span-2">
          <h2 id="agents-heading" className="mb-3 text-base font-semibold text-slate-900">
            {agents.length} agent{agents.length === 1 ? "" : "s"}
          </h2>
          {agents.length ? <AgentsTable agents={agents} /> : <EmptyState title="No agents yet">Invite the first one with the form.</EmptyState>}
        </section>
        <div>
          <Card title="Invite agent" description="The agent gets an e-mail with a link to choose a password.">
            <InviteAgentForm departments={departments} />
          </Card>
        </div>
      </div>
    </>
  );
}
