import type { BenchDb } from "../bench/db";
import { COMMON_WORD, MEDIUM_WORD, RARE_WORD } from "../bench/vocabulary";
import type { Accounts } from "./prepare";

export type Role = keyof Accounts;
/** One page as a user opens it: who, which URL (its default parameters unless it says otherwise). */
export type Page = { name: string; role: Role; path: string };

type Samples = {
  byStatus: Record<string, string>;
  agentActive: string;
  queueOpen: string;
  escalatedOpen: string;
  l2Active: string;
  clientActive: string;
  clientClosed: string;
  departmentId: string;
  clientOrder: string;
  clientInvoice: string;
  notification: string | null;
  /** The newest approved change request: what an approver or technician opens. */
  changeApproved: string | null;
};

const number = async (b: BenchDb, where: string, params: unknown[] = []) => {
  // The newest such ticket: what a user is most likely to open. created_at DESC walks an index.
  const [row] = await b.raw<{ number: string }>(`SELECT number FROM tickets WHERE type = 'support' AND ${where} ORDER BY created_at DESC LIMIT 1`, params);
  if (!row) throw new Error(`No ticket where ${where}`);
  return row.number;
};

async function samples(b: BenchDb, a: Accounts): Promise<Samples> {
  const byStatus: Record<string, string> = {};
  for (const s of ["open", "in_progress", "waiting_for_customer", "closed", "wont_fix"]) byStatus[s] = await number(b, "status = $1", [s]);
  const one = async (q: string, params: unknown[] = []) => (await b.raw<{ v: string }>(q, params))[0]?.v ?? null;
  return {
    byStatus,
    agentActive: await number(b, "assignee_id = $1 AND status IN ('in_progress', 'waiting_for_customer')", [a.agent.id]),
    queueOpen: await number(b, "status = 'open' AND NOT escalated"),
    escalatedOpen: await number(b, "status = 'open' AND escalated"),
    l2Active: await number(b, "assignee_id = $1 AND status IN ('in_progress', 'waiting_for_customer')", [a.agentL2.id]),
    clientActive: await number(b, "requester_id = $1 AND status IN ('open', 'in_progress', 'waiting_for_customer')", [a.client.id]),
    clientClosed: await number(b, "requester_id = $1 AND status = 'closed'", [a.client.id]),
    departmentId: (await one("SELECT id::text AS v FROM departments ORDER BY name LIMIT 1"))!,
    clientOrder: (await one("SELECT id::text AS v FROM orders WHERE client_id = $1 ORDER BY ordered_at LIMIT 1", [a.client.id]))!,
    clientInvoice: (await one("SELECT id::text AS v FROM invoices WHERE client_id = $1 ORDER BY issued_on DESC LIMIT 1", [a.client.id]))!,
    notification: await one("SELECT id::text AS v FROM notifications WHERE channel = 'email' ORDER BY created_at DESC LIMIT 1"),
    changeApproved: await one("SELECT number AS v FROM tickets WHERE type = 'change_request' AND status = 'approved' ORDER BY created_at DESC LIMIT 1"),
  };
}

/**
 * Every page a user opens, by role, with its default parameters and then its other sorts, tabs and
 * filters. A list the next issues add (change requests, inbound mail, the API) is one more line here.
 */
export async function buildPages(b: BenchDb, a: Accounts): Promise<{ pages: Page[]; facts: string[] }> {
  const s = await samples(b, a);
  const t = (n: string) => `/tickets/${n}`;
  const pages: Page[] = [
    // Agent (first line): the desk opens on their own tickets, or the queue when they have none.
    { name: "agent desk (default)", role: "agent", path: "/desk" },
    { name: "agent desk, first-line queue", role: "agent", path: "/desk?tab=queue" },
    { name: "agent desk, queue by department", role: "agent", path: `/desk?tab=queue&departmentId=${s.departmentId}` },
    { name: "agent desk, search the queue", role: "agent", path: `/desk?tab=queue&q=${COMMON_WORD}` },
    { name: "agent desk, my tickets (active)", role: "agent", path: "/desk?tab=mine" },
    { name: "agent desk, my tickets (any status)", role: "agent", path: "/desk?tab=mine&status=" },
    { name: "agent desk, my tickets, closed", role: "agent", path: "/desk?tab=mine&status=closed" },
    { name: "ticket (agent, queued open)", role: "agent", path: t(s.queueOpen) },
    { name: "ticket (agent, own in progress)", role: "agent", path: t(s.agentActive) },
    // Second line.
    { name: "L2 desk (default)", role: "agentL2", path: "/desk" },
    { name: "L2 desk, second-line queue", role: "agentL2", path: "/desk?tab=escalated" },
    { name: "ticket (L2, escalated open)", role: "agentL2", path: t(s.escalatedOpen) },
    { name: "ticket (L2, own in progress)", role: "agentL2", path: t(s.l2Active) },
    // Manager.
    { name: "manager dashboard /manage", role: "manager", path: "/manage" },
    { name: "manager statistics", role: "manager", path: "/manage/stats" },
    { name: "manager agents", role: "manager", path: "/manage/agents" },
    { name: "manager agent page", role: "manager", path: `/manage/agents/${a.agent.id}` },
    { name: "manager desk (both queues)", role: "manager", path: "/desk" },
    { name: "all tickets (default: activity)", role: "manager", path: "/tickets" },
    { name: "all tickets, sort priority", role: "manager", path: "/tickets?sort=priority" },
    { name: "all tickets, sort newest", role: "manager", path: "/tickets?sort=newest" },
    { name: "all tickets, sort oldest", role: "manager", path: "/tickets?sort=oldest" },
    { name: "all tickets, status open", role: "manager", path: "/tickets?status=open" },
    { name: "all tickets, status active", role: "manager", path: "/tickets?status=active" },
    { name: "all tickets, status done", role: "manager", path: "/tickets?status=done" },
    { name: "all tickets, priority critical", role: "manager", path: "/tickets?priority=critical" },
    { name: "all tickets, department", role: "manager", path: `/tickets?departmentId=${s.departmentId}` },
    { name: "all tickets, assignee", role: "manager", path: `/tickets?assigneeId=${a.agent.id}` },
    { name: "all tickets, unassigned", role: "manager", path: "/tickets?assigneeId=none" },
    { name: `search rare "${RARE_WORD}"`, role: "manager", path: `/tickets?q=${RARE_WORD}` },
    { name: `search medium "${MEDIUM_WORD}"`, role: "manager", path: `/tickets?q=${MEDIUM_WORD}` },
    { name: `search common "${COMMON_WORD}"`, role: "manager", path: `/tickets?q=${COMMON_WORD}` },
    { name: `search common, sort newest`, role: "manager", path: `/tickets?q=${COMMON_WORD}&sort=newest` },
    { name: "search by ticket number", role: "manager", path: `/tickets?q=${s.byStatus.closed!.toLowerCase()}` },
    ...Object.entries(s.byStatus).map(([status, n]): Page => ({ name: `ticket (manager, ${status})`, role: "manager", path: t(n) })),
    // Client.
    { name: "client portal", role: "client", path: "/portal" },
    { name: "client my tickets", role: "client", path: "/tickets" },
    { name: "client my tickets, sort newest", role: "client", path: "/tickets?sort=newest" },
    { name: "client my tickets, status closed", role: "client", path: "/tickets?status=closed" },
    { name: `client search "${COMMON_WORD}"`, role: "client", path: `/tickets?q=${COMMON_WORD}` },
    { name: "ticket (client, own active)", role: "client", path: t(s.clientActive) },
    { name: "ticket (client, own closed)", role: "client", path: t(s.clientClosed) },
    { name: "client new ticket form", role: "client", path: "/tickets/new" },
    { name: "client services", role: "client", path: "/services" },
    { name: "client orders", role: "client", path: "/orders" },
    { name: "client order", role: "client", path: `/orders/${s.clientOrder}` },
    { name: "client invoices", role: "client", path: "/invoices" },
    { name: "client invoice", role: "client", path: `/invoices/${s.clientInvoice}` },
    { name: "client notifications", role: "client", path: "/notifications" },
    { name: "client account", role: "client", path: "/account" },
    // Accountant.
    { name: "accounting (all invoices)", role: "accountant", path: "/accounting" },
    { name: "accounting, unpaid", role: "accountant", path: "/accounting?status=unpaid" },
    { name: "accounting, overdue", role: "accountant", path: "/accounting?overdue=1" },
    // Admin.
    { name: "admin home", role: "admin", path: "/admin" },
    { name: "admin tickets", role: "admin", path: "/admin/tickets" },
    { name: "admin ticket edit", role: "admin", path: `/admin/tickets/${s.byStatus.in_progress}/edit` },
    { name: "admin invoices", role: "admin", path: "/admin/invoices" },
    { name: "admin orders", role: "admin", path: "/admin/orders" },
    { name: "admin services", role: "admin", path: "/admin/services" },
    { name: "admin mailbox", role: "admin", path: "/admin/mailbox" },
    { name: "ticket (admin, closed)", role: "admin", path: t(s.byStatus.closed!) },
  ];
  // Change requests (issue 11): each list as its role opens it, the calendar, a request page.
  pages.push(
    { name: "change requests, client's own", role: "client", path: "/changes" },
    { name: "change calendar (client, week)", role: "client", path: "/changes/calendar" },
    { name: "change requests, technician's", role: "agent", path: "/changes?scope=assigned" },
    { name: "change approvals queue", role: "manager", path: "/changes/approvals" },
    { name: "change requests, all", role: "manager", path: "/changes?scope=all" },
    { name: "change requests, all, completed", role: "manager", path: "/changes?scope=all&status=completed" },
    { name: "change calendar (manager, week)", role: "manager", path: "/changes/calendar" },
    { name: "change calendar (manager, month)", role: "manager", path: "/changes/calendar?view=month" },
  );
  if (s.changeApproved) pages.push({ name: "change request page (manager, approved)", role: "manager", path: `/changes/${s.changeApproved}` });
  if (s.notification) pages.push({ name: "admin mailbox message", role: "admin", path: `/admin/mailbox/${s.notification}` });
  const facts = [
    `signed in as: ${Object.entries(a).map(([role, u]) => `${role} ${u.email}`).join(", ")}`,
    `tickets opened: ${Object.entries(s.byStatus).map(([k, v]) => `${k} ${v}`).join(", ")}; agent's ${s.agentActive}, client's ${s.clientActive} / ${s.clientClosed}`,
  ];
  return { pages, facts };
}
