/**
 * Lists at the edges the benchmark cares about: a search matching more tickets than can be ranked
 * falls back to the list's order (and says so), a rare word in a list order still finds its few
 * tickets, and every sort pages through all rows by keyset without gaps or repeats.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { listTickets } from "./list";
import { RELEVANCE_LIMIT } from "./list-search";
import type { ListSort } from "./list-order";
import { createDesk, insertTicket, type Desk } from "./test-fixtures";

let desk: Desk;
const MANY = RELEVANCE_LIMIT + 5;

beforeAll(async () => {
  desk = await createDesk();
  const db = await getDb();
  // MANY tickets with the word "plentiful" (some also "walrus" in the title), in one statement:
  // varied priorities, many equal creation times (ties settled by id) and activity times.
  await db.execute(sql`
    INSERT INTO tickets (number, title, body, status, priority, requester_id, created_at, updated_at, last_activity_at, search_vector)
    SELECT 'TKT-20250301-' || lpad(g::text, 4, '0'),
      CASE WHEN g % 100 = 0 THEN 'Walrus plentiful' ELSE 'Plentiful issue ' || g END, 'Body', 'open',
      ('{low,normal,high,critical}'::ticket_priority[])[1 + g % 4], ${desk.client.id}::uuid,
      timestamptz '2025-03-01 08:00Z' + (g / 3) * interval '1 minute',
      timestamptz '2025-03-01 08:00Z', timestamptz '2025-03-02 08:00Z' - (g % 7) * interval '1 hour',
      setweight(to_tsvector('english', CASE WHEN g % 100 = 0 THEN 'Walrus plentiful' ELSE 'Plentiful issue' END), 'A')
    FROM generate_series(1, ${MANY}) g`);
  await insertTicket({ requester: desk.client, title: "Unrelated printer", priority: "critical" });
});

async function walk(input: Record<string, unknown>) {
  const numbers: string[] = [];
  let cursor: string | undefined;
  let sort: ListSort | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await listTickets(desk.manager, { scope: "all", limit: 100, ...input, cursor });
    sort = result.sort;
    numbers.push(...result.items.map((t) => t.number));
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return { numbers, sort };
}

async function expectedOrder(orderBy: string, where = "true") {
  const db = await getDb();
  const rows = (await db.execute(sql.raw(`SELECT number FROM tickets WHERE type = 'support' AND ${where} ORDER BY ${orderBy}`))) as unknown;
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { number: string }[];
  return list.map((r) => r.number);
}

const BY_PRIORITY = "CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, created_at, id";

describe("searches too broad to rank", () => {
  it("use the list's order instead of relevance, say so, and page through every match", async () => {
    const { numbers, sort } = await walk({ q: "plentiful" });
    expect(sort).toBe("priority");
    expect(numbers).toEqual(await expectedOrder(BY_PRIORITY, "search_vector @@ to_tsquery('english', 'plentiful')"));
    expect(numbers).toHaveLength(MANY);
  });

  it("an explicit relevance sort falls back too; the client's own list falls back to activity", async () => {
    expect((await listTickets(desk.manager, { scope: "all", q: "plentiful", sort: "relevance" })).sort).toBe("priority");
    expect((await listTickets(desk.client, { scope: "mine", q: "plentiful" })).sort).toBe("activity");
  });

  it("a narrower search is ranked, and a rare word in a list order finds exactly its tickets", async () => {
    const ranked = await listTickets(desk.manager, { scope: "all", q: "walrus" });
    expect(ranked.sort).toBe("relevance");
    expect(ranked.items).toHaveLength(Math.min(25, Math.floor(MANY / 100))); // a page of the walrus tickets
    const { numbers, sort } = await walk({ q: "walrus", sort: "newest" });
    expect(sort).toBe("newest");
    expect(numbers).toEqual(await expectedOrder("created_at DESC, id DESC", "title LIKE 'Walrus%'"));
  });
});

describe("keyset paging", () => {
  it.each([
    ["priority", BY_PRIORITY],
    ["newest", "created_at DESC, id DESC"],
    ["oldest", "created_at, id"],
    ["activity", "last_activity_at DESC, id"],
  ] as const)("%s pages through every ticket in order, without gaps or repeats", async (sort, orderBy) => {
    const { numbers } = await walk({ sort });
    expect(numbers).toEqual(await expectedOrder(orderBy));
  });
});
