import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { AgentRow } from "@/lib/users/queries";
import { TIER_LABELS } from "@/lib/users/schemas";

const th = "px-4 py-2.5 font-medium";
const td = "px-4 py-3 align-top";

export function AgentsTable({ agents }: { agents: AgentRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Agents</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={th}>Agent</th>
            <th scope="col" className={th}>Tier</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Departments</th>
            <th scope="col" className={`${th} text-right`}>Active tickets</th>
            <th scope="col" className={th}><span className="sr-only">Edit</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {agents.map((a) => (
            <tr key={a.id} className={a.active ? undefined : "bg-slate-50/60 text-slate-500"}>
              <th scope="row" className={`${td} font-normal`}>
                <span className="block font-medium text-slate-900">{a.name}</span>
                <span className="block text-xs text-slate-500">{a.email}</span>
              </th>
              <td className={td}>
                <Badge tone={a.tier === "agent_l2" ? "purple" : "blue"}>{TIER_LABELS[a.tier]}</Badge>
              </td>
              <td className={td}>
                {!a.active ? <Badge tone="gray">Deactivated</Badge> : a.hasPassword ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Invited</Badge>}
              </td>
              <td className={`${td} text-slate-700`}>{a.departments.length ? a.departments.map((d) => d.name).join(", ") : <span className="text-slate-400">None</span>}</td>
              <td className={`${td} text-right tabular-nums`}>{a.activeTickets}</td>
              <td className={`${td} text-right`}>
                <Link href={`/manage/agents/${a.id}`} className="font-medium text-brand-600 hover:underline">
                  Edit<span className="sr-only"> {a.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
