import type { Actor } from "@/lib/auth/actor";
import { listCalendarEntries } from "@/lib/change-requests/calendar";
import { calendarRange } from "@/lib/change-requests/calendar-range";
import { getChangeMetrics } from "@/lib/change-requests/metrics";
import { countPendingApprovals, getChangeRequest, listChangeRequests } from "@/lib/change-requests/queries";
import type { BenchDb } from "./db";
import type { Scenario } from "./measure";
import { actor } from "./scenarios";

/**
 * Issue 11's lists as their pages call them: the client's "my change requests", the approvals
 * queue and its navigation count, the technician's changes, all change requests (and a status
 * filter), the change calendar (this week, this month, one service), a request page, and the
 * dashboard's change metrics. Each actor is the heaviest of their kind.
 */
export async function changeScenarios(b: BenchDb, manager: Actor): Promise<{ scenarios: Scenario[]; facts: string[] }> {
  const [client] = await b.raw<{ email: string; n: number }>(
    `SELECT u.email, count(*)::int AS n FROM tickets t JOIN users u ON u.id = t.requester_id
     WHERE t.type = 'change_request' AND u.role_key = 'client' GROUP BY u.email ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  const [tech] = await b.raw<{ email: string; n: number }>(
    `SELECT u.email, count(*)::int AS n FROM tickets t JOIN users u ON u.id = t.assignee_id
     WHERE t.type = 'change_request' GROUP BY u.email ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  if (!client || !tech) throw new Error("No change requests in the bench data: generate again.");
  const [requester, technician] = [await actor(b, { email: client.email }), await actor(b, { email: tech.email })];
  const [pending] = await b.raw<{ n: number }>("SELECT count(*)::int AS n FROM tickets WHERE type = 'change_request' AND status = 'pending'");
  const details = (await b.raw<{ number: string }>(
    "SELECT number FROM tickets WHERE type = 'change_request' AND status = 'approved' ORDER BY created_at DESC LIMIT 50",
  )).map((r) => r.number);
  const [service] = await b.raw<{ id: string }>("SELECT id::text AS id FROM services WHERE name = 'Bench change servers'");
  const week = calendarRange("week", new Date());
  const month = calendarRange("month", new Date());
  const inWeek = (await listCalendarEntries(manager, week)).entries.length;
  const inMonth = await listCalendarEntries(manager, month);
  const scenarios: Scenario[] = [
    { name: `my change requests (client, ${client.n.toLocaleString("en")})`, target: { p95: 25 }, run: () => listChangeRequests(requester, { scope: "mine" }) },
    { name: `approvals queue (${pending!.n.toLocaleString("en")} pending)`, target: { p95: 25 }, run: () => listChangeRequests(manager, { scope: "approvals" }) },
    { name: "approvals count (navigation)", target: { p95: 25 }, run: () => countPendingApprovals(manager) },
    { name: `technician's changes (${tech.n.toLocaleString("en")})`, target: { p95: 25 }, run: () => listChangeRequests(technician, { scope: "assigned" }) },
    { name: "all change requests, page one", target: { p95: 25 }, run: () => listChangeRequests(manager, { scope: "all" }) },
    { name: "all change requests, status completed", target: { p95: 25 }, run: () => listChangeRequests(manager, { scope: "all", status: "completed" }) },
    { name: `change calendar, week (${inWeek} changes)`, target: { p95: 25 }, run: () => listCalendarEntries(manager, week) },
    { name: `change calendar, month (${inMonth.entries.length}${inMonth.truncated ? "+" : ""})`, target: { p95: 50 }, run: () => listCalendarEntries(manager, month) },
    { name: "change calendar, month, one service", target: { p95: 50 }, run: () => listCalendarEntries(manager, { ...month, serviceId: service?.id }) },
    { name: "change calendar, week (client)", target: { p95: 25 }, run: () => listCalendarEntries(requester, week) },
    { name: "change request page (approved)", target: { p95: 25 }, run: (i) => getChangeRequest(manager, details[i % details.length]!) },
    { name: "dashboard change metrics (30 days)", target: { p95: 50 }, run: () => getChangeMetrics(manager) },
  ];
  const facts = [`change requests: client ${client.email} (${client.n}), technician ${tech.email} (${tech.n}), ${pending!.n} pending`];
  return { scenarios, facts };
}
