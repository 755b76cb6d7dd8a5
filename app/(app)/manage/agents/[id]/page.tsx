import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getAgent, listDepartmentOptions } from "@/lib/users/queries";
import { EditAgentForm } from "../agent-forms";
import { ResendInvite } from "../resend-invite";

export const metadata: Metadata = { title: "Edit agent" };

async function load(actor: Actor, id: string) {
  try {
    return await getAgent(actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

export default async function EditAgentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("agent.manage");
  const { id } = await params;
  const agent = await load(actor, id);
  if (!agent) notFound();
  const departments = await listDepartmentOptions(agent.departments.map((d) => d.id));
  return (
    <>
      <Link href="/manage/agents" className="text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline">
        ← Agents
      </Link>
      <div className="mt-3">
        <PageHeader title={agent.name} description={`${agent.email} · added ${formatDateTime(agent.createdAt)} · ${agent.activeTickets} active ticket(s)`} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Details">
            <EditAgentForm agent={agent} departments={departments} />
          </Card>
        </div>
        {!agent.hasPassword && agent.active ? (
          <Card title="Invitation pending" description="This agent has not set a password yet.">
            <ResendInvite userId={agent.id} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
