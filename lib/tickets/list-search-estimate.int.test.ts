/**
 * A word so common that the planner's statistics already say it cannot be ranked: the search is
 * decided without the probe (list-search.ts, SURELY_TOO_BROAD) and must page exactly like one the
 * probe decided: the list's order, every match once.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rawRows } from "@/db";
import { listTickets } from "./list";
import { RELEVANCE_LIMIT } from "./list-search";
import { createDesk, insertTicket, type Desk } from "./test-fixtures";

let desk: Desk;
const COMMON = 3 * RELEVANCE_LIMIT + 600;

beforeAll(async () => {
  desk = await createDesk();
  const db = await getDb();
  await db.execute(sql`
    INSERT INTO tickets (number, title, body, status, priority, requester_id, created_at, updated_at, last_activity_at, search_vector)
    SELECT 'TKT-20250401-' || lpad(g::text, 5, '0'), 'Ubiquitous ' || g, 'Body', 'open',
      ('{low,normal,high,critical}'::ticket_priority[])[1 + g % 4], ${desk.client.id}::uuid,
      timestamptz '2025-04-01 08:00Z' + g * interval '1 second', timestamptz '2025-04-01 08:00Z', timestamptz '2025-04-01 08:00Z',
      setweight(to_tsvector('english', 'Ubiquitous'), 'A')
    FROM generate_series(1, ${COMMON}) g`);
  await insertTicket({ requester: desk.client, title: "Unrelated printer", priority: "critical" });
  await db.execute(sql`ANALYZE tickets`);
});

describe("a word the statistics show is too broad to rank", () => {
  it("is listed in the list's order, and its pages hold every match once", async () => {
    const [plan] = await rawRows<Record<string, unknown>>(
      await getDb(),
      sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM tickets WHERE search_vector @@ websearch_to_tsquery('english', 'ubiquitous')`,
    );
    const value = Object.values(plan!)[0];
    const estimate = ((typeof value === "string" ? JSON.parse(value) : value) as { Plan: { "Plan Rows": number } }[])[0]!.Plan["Plan Rows"];
    expect(estimate).toBeGreaterThanOrEqual(3 * RELEVANCE_LIMIT); // the case under test: no probe

    const numbers: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 200 && (page === 0 || cursor); page++) {
      const result = await listTickets(desk.manager, { scope: "all", q: "ubiquitous", limit: 100, cursor });
      expect(result.sort).toBe("priority");
      numbers.push(...result.items.map((t) => t.number));
      cursor = result.nextCursor ?? undefined;
    }
    expect(numbers).toHaveLength(COMMON);
    expect(new Set(numbers).size).toBe(COMMON);
    const first = await listTickets(desk.manager, { scope: "all", q: "ubiquitous" });
    expect(first.items.every((t) => t.priority === "critical")).toBe(true);
  });
});
