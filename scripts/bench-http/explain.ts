import { closeSync, openSync, readSync, statSync } from "node:fs";
import type { BenchDb, Captured } from "../bench/db";

/**
 * The SQL behind each page: the server appends every statement to BENCH_SQL_LOG (db/index.ts); the
 * bench reads what one request of a page added, then EXPLAINs each distinct statement once (ANALYZE,
 * BUFFERS for reads; the plan alone for writes, which must not run twice) and flags the plans that
 * are not O(page size): a sequential scan of a big table, or a sort of many of its rows.
 */
export class SqlLog {
  constructor(readonly file: string) {}
  size() {
    try {
      return statSync(this.file).size;
    } catch {
      return 0;
    }
  }
  /** The statements appended since `from` (a byte offset from size()). */
  since(from: number): Captured[] {
    const end = this.size();
    if (end <= from) return [];
    const fd = openSync(this.file, "r");
    const buf = Buffer.alloc(end - from);
    readSync(fd, buf, 0, buf.length, from);
    closeSync(fd);
    return buf
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Captured);
  }
}

/** Tables whose full read or sort is what the targets forbid (they grow with the desk). */
const BIG = ["tickets", "messages", "ticket_history", "notifications", "invoices", "orders"];
/** A sort of more rows than this is not "page size" (the search ranks up to 3,000 matches by design). */
const SORT_LIMIT = 3000;

export type Node = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Plan Rows"?: number;
  "Sort Method"?: string;
  Plans?: Node[];
};

export type Explained = {
  query: string;
  pages: string[];
  ms: number | null;
  buffers: number | null;
  flags: string[];
  text: string;
};

const rowsOf = (n: Node) => (n["Actual Rows"] ?? n["Plan Rows"] ?? 0) * (n["Actual Loops"] ?? 1);

function relations(n: Node): string[] {
  return [...(n["Relation Name"] ? [n["Relation Name"]] : []), ...(n.Plans ?? []).flatMap(relations)];
}

/** What in a plan (EXPLAIN … FORMAT JSON's Plan) is not O(page size). */
export function planFlags(n: Node, out: string[] = []): string[] {
  const rel = n["Relation Name"];
  if (n["Node Type"] === "Seq Scan" && rel && BIG.includes(rel)) out.push(`Seq Scan on ${rel} (${rowsOf(n).toLocaleString("en")} rows)`);
  if (n["Node Type"] === "Sort" || n["Node Type"] === "Incremental Sort") {
    const input = (n.Plans ?? []).reduce((s, c) => s + rowsOf(c), 0);
    const over = [...new Set((n.Plans ?? []).flatMap(relations))].filter((r) => BIG.includes(r));
    if (over.length && input > SORT_LIMIT) out.push(`${n["Node Type"]} of ${input.toLocaleString("en")} rows over ${over.join(", ")}${n["Sort Method"] ? ` (${n["Sort Method"]})` : ""}`);
  }
  for (const c of n.Plans ?? []) planFlags(c, out);
  return out;
}

const isRead = (q: string) => /^\s*(select|with)\b/i.test(q) && !/\b(insert|update|delete)\b/i.test(q.replace(/'[^']*'/g, ""));

export async function explainAll(b: BenchDb, byPage: Map<string, Captured[]>): Promise<Explained[]> {
  const distinct = new Map<string, { c: Captured; pages: string[] }>();
  for (const [page, statements] of byPage) {
    for (const c of statements) {
      const d = distinct.get(c.query) ?? { c, pages: [] };
      if (!d.pages.includes(page)) d.pages.push(page);
      distinct.set(c.query, d);
    }
  }
  const out: Explained[] = [];
  for (const { c, pages } of distinct.values()) {
    const read = isRead(c.query);
    try {
      const [json] = await b.raw<Record<string, unknown>>(`EXPLAIN (${read ? "ANALYZE, BUFFERS, " : ""}FORMAT JSON) ${c.query}`, c.params);
      const value = Object.values(json!)[0];
      const [plan] = (typeof value === "string" ? JSON.parse(value) : value) as { Plan: Node & Record<string, number>; "Planning Time"?: number; "Execution Time"?: number }[];
      const text = (await b.raw<Record<string, unknown>>(`EXPLAIN (${read ? "ANALYZE, BUFFERS" : "COSTS"}) ${c.query}`, c.params))
        .map((r) => String(Object.values(r)[0]))
        .join("\n");
      const p = plan!.Plan;
      out.push({
        query: c.query,
        pages,
        ms: read ? (plan!["Planning Time"] ?? 0) + (plan!["Execution Time"] ?? 0) : null,
        buffers: read ? (p["Shared Hit Blocks"] ?? 0) + (p["Shared Read Blocks"] ?? 0) : null,
        flags: planFlags(p),
        text,
      });
    } catch (error) {
      out.push({ query: c.query, pages, ms: null, buffers: null, flags: [`EXPLAIN failed: ${(error as Error).message}`], text: "" });
    }
  }
  return out.sort((x, y) => (y.ms ?? -1) - (x.ms ?? -1));
}
