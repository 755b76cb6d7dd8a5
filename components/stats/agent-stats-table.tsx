import { Badge } from "@/components/ui/badge";
import type { AgentStats } from "@/lib/tickets/queries";
import { formatCount, formatDuration, formatPercent } from "./format";

const ROLE_LABELS: Record<string, string> = { agent: "First line", agent_l2: "Second line", manager: "Manager", admin: "Admin" };

const th = "px-3 py-2 font-medium";
const num = "px-3 py-2 text-right tabular-nums";

function Times({ median, p90 }: { median: number | null; p90: number | null }) {
  if (median === null) return <span className="text-slate-400">—</span>;
  return (
    <>
      {formatDuration(median)}
      <span className="block text-xs text-slate-500">p90 {formatDuration(p90)}</span>
    </>
  );
}

/**
 * Seed 002's per-agent numbers: open, closed, reopened and reopened ÷ closed, plus the request →
 * first response and request → close times (median, 90th percentile) of the tickets they hold.
 */
export function AgentStatsTable({ agents }: { agents: AgentStats[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Tickets per agent</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className={th}>Agent</th>
            <th scope="col" className={`${th} text-right`}>Open</th>
            <th scope="col" className={`${th} text-right`}>Closed</th>
            <th scope="col" className={`${th} text-right`}>Reopened</th>
            <th scope="col" className={`${th} text-right`}>
              <abbr title="Reopened tickets as a share of closed tickets" className="no-underline">Reopened ÷ closed</abbr>
            </th>
            <th scope="col" className={`${th} text-right`}>First response (median)</th>
            <th scope="col" className={`${th} text-right`}>Request → close (median)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {agents.map((a) => (
            <tr key={a.id} className={a.active ? undefined : "text-slate-500"}>
              <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                {a.name}
                <span className="ml-2 inline-flex gap-1 align-middle">
                  <Badge tone={a.role === "agent_l2" ? "purple" : a.role === "agent" ? "blue" : "gray"}>{ROLE_LABELS[a.role] ?? a.role}</Badge>
                  {a.active ? null : <Badge tone="amber">Inactive</Badge>}
                </span>
              </th>
              <td className={num}>{formatCount(a.open)}</td>
              <td className={num}>{formatCount(a.closed)}</td>
              <td className={num}>{formatCount(a.reopened)}</td>
              <td className={num}>
                {formatPercent(a.reopenRate)}
                {a.reopenRate !== null ? <span className="sr-only">{` (${formatCount(a.reopened)} of ${formatCount(a.closed)})`}</span> : null}
              </td>
              <td className={num}><Times {...a.firstResponse} /></td>
              <td className={num}><Times {...a.resolution} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
