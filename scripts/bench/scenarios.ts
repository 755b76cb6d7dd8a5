import { eq } from "drizzle-orm";
import { tickets } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { cursorColumns, nextCursor, orderByKeys, sortKeys } from "@/lib/tickets/list-order";
import { getDashboardCounts } from "@/lib/tickets/dashboard";
import { countTickets, getDeskStats, getTicketDetail, listAssignableAgents, listTickets } from "@/lib/tickets/queries";
import type { BenchDb } from "./db";
import type { Scenario } from "./measure";
import { changeScenarios } from "./scenarios-changes";
import { COMMON_WORD, MEDIUM_WORD, RARE_WORD } from "./vocabulary";

/** The first bench user with this e-mail or role, as the session would load them. */
export async function actor(b: BenchDb, who: { email: string } | { role: string }): Promise<Actor> {
  const [u] = await b.raw<{ id: string }>(
    "SELECT id FROM users WHERE email LIKE '%@bench.example' AND (email = $1 OR role_key = $2) ORDER BY email LIMIT 1",
    ["email" in who ? who.email : "", "role" in who ? who.role : ""],
  );
  const a = u && (await loadActor(u.id, 0));
  if (!a) throw new Error(`No bench user ${JSON.stringify(who)}: generate first.`);
  return a;
}

/**
 * The cursor of the page that starts `depth` rows into the manager's "all tickets" list (default
 * sort): the key of row `depth`, read with the list's own key expressions and encoded by its own
 * nextCursor, so the deep page is exactly what a user gets after paging that far.
 */
async function deepCursor(b: BenchDb, depth: number) {
  const keys = sortKeys("priority", null);
  const [row] = await b.db
    .select({ ...cursorColumns(keys), number: tickets.number })
    .from(tickets)
    .where(eq(tickets.type, "support"))
    .orderBy(...orderByKeys(keys))
    .offset(depth - 1)
    .limit(2);
  if (!row) throw new Error(`The list has fewer than ${depth} rows.`);
  const [after] = await b.db
    .select({ number: tickets.number })
    .from(tickets)
    .where(eq(tickets.type, "support"))
    .orderBy(...orderByKeys(keys))
    .offset(depth)
    .limit(1);
  return { cursor: nextCursor("priority", keys, row), firstNumber: after?.number ?? null };
}

const hits = async (b: BenchDb, word: string) =>
  (await b.raw<{ n: number }>("SELECT count(*)::int AS n FROM tickets WHERE search_vector @@ websearch_to_tsquery('english', $1)", [word]))[0]!.n;

/** The scenarios of the issue, each calling the real read functions a page calls. */
export async function buildScenarios(b: BenchDb, o: { depth: number }): Promise<{ scenarios: Scenario[]; facts: string[] }> {
  const [agent, manager] = [await actor(b, { role: "agent" }), await actor(b, { role: "manager" })];
  const [top] = await b.raw<{ email: string; n: number }>(
    `SELECT u.email, count(*)::int AS n FROM tickets t JOIN users u ON u.id = t.requester_id
     GROUP BY u.email ORDER BY 2 DESC LIMIT 1`,
  );
  const client = await actor(b, { email: top!.email });
  const details = (await b.raw<{ number: string }>(
    "SELECT number FROM tickets TABLESAMPLE BERNOULLI (1) REPEATABLE (7) WHERE status = 'closed' LIMIT 50",
  )).map((r) => r.number);
  const deep = await deepCursor(b, o.depth);
  const [queue] = await b.raw<{ n: number }>("SELECT count(*)::int AS n FROM tickets WHERE status = 'open' AND NOT escalated");
  const [rare, medium, common] = [await hits(b, RARE_WORD), await hits(b, MEDIUM_WORD), await hits(b, COMMON_WORD)];
  const inProgress = (await b.raw<{ id: string }>(
    "SELECT id FROM tickets TABLESAMPLE BERNOULLI (1) REPEATABLE (7) WHERE status = 'in_progress' AND type = 'support' LIMIT 50",
  )).map((r) => r.id);
  const clientCommon = (await listTickets(client, { scope: "mine", q: COMMON_WORD, limit: 1 })).items.length;

  const depthPage = async () => {
    const page = await listTickets(manager, { scope: "all", cursor: deep.cursor });
    if (page.items[0]?.number !== deep.firstNumber) throw new Error(`The deep page starts at ${page.items[0]?.number}, expected ${deep.firstNumber}.`);
    return page;
  };
  const scenarios: Scenario[] = [
    { name: `queue, page one (${queue!.n.toLocaleString("en")} open)`, target: { p95: 25 }, run: () => listTickets(agent, { scope: "queue" }) },
    { name: `client's tickets (${top!.n.toLocaleString("en")})`, target: { p95: 25 }, run: () => listTickets(client, { scope: "mine" }) },
    { name: "all tickets, page one", target: { p95: 25 }, run: () => listTickets(manager, { scope: "all" }) },
    // The manager's /tickets page asks for recent activity first (its default sort).
    { name: "all tickets by activity (page default)", target: { p95: 25 }, run: () => listTickets(manager, { scope: "all", sort: "activity" }) },
    { name: `all tickets, ${o.depth.toLocaleString("en")} deep`, target: { relativeTo: "all tickets, page one", factor: 1.2 }, run: depthPage },
    { name: `search rare "${RARE_WORD}" (${rare} hits)`, target: { p95: 50 }, run: () => listTickets(manager, { scope: "all", q: RARE_WORD }) },
    { name: `search medium "${MEDIUM_WORD}" (${medium.toLocaleString("en")} hits)`, target: { p95: 50 }, run: () => listTickets(manager, { scope: "all", q: MEDIUM_WORD }) },
    { name: `search common "${COMMON_WORD}" (${common.toLocaleString("en")} hits)`, target: { p95: 50 }, run: () => listTickets(manager, { scope: "all", q: COMMON_WORD }) },
    { name: `client searches "${COMMON_WORD}"`, target: { p95: 50 }, run: () => listTickets(client, { scope: "mine", q: COMMON_WORD }) },
    { name: "search by ticket number", target: { p95: 50 }, run: (i) => listTickets(manager, { scope: "all", q: details[i % details.length]!.toLowerCase() }) },
    { name: "ticket detail (staff)", target: { p95: 25 }, run: (i) => getTicketDetail(manager, details[i % details.length]!) },
    // A manager opening a ticket in progress also loads the assign dropdown.
    { name: "assignable agents (manager)", target: { p95: 25 }, run: (i) => listAssignableAgents(manager, { ticketId: inProgress[i % inProgress.length]! }) },
    // The agent desk's tab badges, as /desk loads them (in parallel).
    {
      name: "desk badge counts (agent)",
      target: { p95: 25 },
      run: () => Promise.all([countTickets(agent, "assigned"), countTickets(agent, "queue")]),
    },
    { name: "stats page", target: { p95: 50 }, run: () => getDeskStats(manager) },
    // Not a target of the issue: the manager's home page, held to the stats page's bar.
    { name: "manager dashboard counts", target: { p95: 50 }, run: () => getDashboardCounts(manager) },
  ];
  const changes = await changeScenarios(b, manager);
  scenarios.push(...changes.scenarios);
  const facts = [
    ...changes.facts,
    `client with most tickets: ${top!.email} (${top!.n}); their "${COMMON_WORD}" search ${clientCommon ? "finds tickets" : "finds nothing"}`,
    `detail and number lookup rotate over ${details.length} closed tickets`,
  ];
  return { scenarios, facts };
}
