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
const ALWAYS = ["tickets", "messages", "ticket_history"];
/** More rows than this read or sorted is not "page size" (the search ranks up to 3,000 matches by design). */
const ROW_LIMIT = 3000;

export type Node = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Plan Rows"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Sort Method"?: string;
  "Sort Key"?: string[];
  "Index Cond"?: string;
  "Recheck Cond"?: string;
  Filter?: string;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: Node[];
};

export type Explained = {
  query: string;
  params: unknown[];
  pages: string[];
  ms: number | null;
  buffers: number | null;
  flags: string[];
  text: string;
};

const loops = (n: Node) => n["Actual Loops"] ?? 1;
const rowsOf = (n: Node) => (n["Actual Rows"] ?? n["Plan Rows"] ?? 0) * loops(n);
/** Rows a scan looked at: those it returned and those its filter threw away (per loop, so × loops). */
const readOf = (n: Node) => rowsOf(n) + ((n["Rows Removed by Filter"] ?? 0) + (n["Rows Removed by Index Recheck"] ?? 0)) * loops(n);
const fmt = (x: number) => x.toLocaleString("en");

function relations(n: Node): string[] {
  return [...(n["Relation Name"] ? [n["Relation Name"]] : []), ...(n.Plans ?? []).flatMap(relations)];
}

/**
 * What in a plan (EXPLAIN … FORMAT JSON's Plan) is not O(page size): any sequential scan of tickets,
 * messages or history, one of another growing table past 3,000 rows; any other scan of one that looks at more than 3,000 rows (an index read end to end with a
 * filter, a bitmap over a whole queue); a sort of more than 3,000 of its rows.
 */
export function planFlags(n: Node, out: string[] = []): string[] {
  const rel = n["Relation Name"];
  if (rel && BIG.includes(rel)) {
    const read = readOf(n);
    const removed = read - rowsOf(n);
    const detail = `${fmt(read)} rows read${removed ? `, ${fmt(removed)} removed by filter` : ""}`;
    // Tickets and messages: any sequential scan (they are the big ones at every size); the others
    // (orders, invoices, mail …) are small in the bench, where a planner rightly scans a few pages.
    if (n["Node Type"] === "Seq Scan" && (ALWAYS.includes(rel) || read > ROW_LIMIT)) out.push(`Seq Scan on ${rel} (${detail})`);
    else if (n["Node Type"] !== "Seq Scan" && read > ROW_LIMIT) out.push(`${n["Node Type"]} on ${rel}${n["Index Name"] ? ` using ${n["Index Name"]}` : ""} (${detail})`);
  }
  if (n["Node Type"] === "Sort" || n["Node Type"] === "Incremental Sort") {
    const input = (n.Plans ?? []).reduce((sum, c) => sum + rowsOf(c), 0);
    const over = [...new Set((n.Plans ?? []).flatMap(relations))].filter((r) => BIG.includes(r));
    if (over.length && input > ROW_LIMIT) out.push(`${n["Node Type"]} of ${fmt(input)} rows over ${over.join(", ")}${n["Sort Method"] ? ` (${n["Sort Method"]})` : ""}`);
  }
  for (const c of n.Plans ?? []) planFlags(c, out);
  return out;
}

/** The plan as indented text, from the JSON (one EXPLAIN run per statement, not two). */
export function planText(n: Node, depth = 0): string {
  const head = `${"  ".repeat(depth)}${depth ? "-> " : ""}${n["Node Type"]}${n["Relation Name"] ? ` on ${n["Relation Name"]}` : ""}${n["Index Name"] ? ` using ${n["Index Name"]}` : ""}`;
  const stats = `rows=${fmt(n["Actual Rows"] ?? n["Plan Rows"] ?? 0)} loops=${loops(n)}${n["Shared Hit Blocks"] !== undefined ? ` buffers hit=${n["Shared Hit Blocks"]} read=${n["Shared Read Blocks"] ?? 0}` : ""}`;
  const details = (
    [
      ["Index Cond", n["Index Cond"]],
      ["Recheck Cond", n["Recheck Cond"]],
      ["Filter", n.Filter],
      ["Rows Removed by Filter", n["Rows Removed by Filter"]],
      ["Sort Key", n["Sort Key"]?.join(", ")],
      ["Sort Method", n["Sort Method"]],
    ] as const
  )
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${"  ".repeat(depth + 2)}${k}: ${v}`);
  return [`${head}  (${stats})`, ...details, ...(n.Plans ?? []).map((c) => planText(c, depth + 1))].join("\n");
}

const isRead = (q: string) => /^\s*(select|with)\b/i.test(q) && !/\b(insert|update|delete)\b/i.test(q.replace(/'[^']*'/g, ""));

/** Each distinct statement with its parameters, once (the same text with other values can plan otherwise). */
export async function explainAll(b: BenchDb, byPage: Map<string, Captured[]>): Promise<Explained[]> {
  const distinct = new Map<string, { c: Captured; pages: string[] }>();
  for (const [page, statements] of byPage) {
    for (const c of statements) {
      const key = `${c.query}\u0000${JSON.stringify(c.params)}`;
      const d = distinct.get(key) ?? { c, pages: [] };
      if (!d.pages.includes(page)) d.pages.push(page);
      distinct.set(key, d);
    }
  }
  const out: Explained[] = [];
  for (const { c, pages } of distinct.values()) {
    // The search's estimate is itself an EXPLAIN (planned, never run): nothing to explain or flag.
    if (/^\s*explain\b/i.test(c.query)) {
      out.push({ query: c.query, params: c.params, pages, ms: null, buffers: null, flags: [], text: "(an EXPLAIN: the planner's estimate, nothing runs)" });
      continue;
    }
    const read = isRead(c.query);
    try {
      const [json] = await b.raw<Record<string, unknown>>(`EXPLAIN (${read ? "ANALYZE, BUFFERS, " : ""}FORMAT JSON) ${c.query}`, c.params);
      const value = Object.values(json!)[0];
      const [plan] = (typeof value === "string" ? JSON.parse(value) : value) as { Plan: Node; "Planning Time"?: number; "Execution Time"?: number }[];
      const p = plan!.Plan;
      const ms = read ? (plan!["Planning Time"] ?? 0) + (plan!["Execution Time"] ?? 0) : null;
      out.push({
        query: c.query,
        params: c.params,
        pages,
        ms,
        buffers: read ? (p["Shared Hit Blocks"] ?? 0) + (p["Shared Read Blocks"] ?? 0) : null,
        flags: planFlags(p),
        text: `${planText(p)}${ms === null ? "\n(plan only: a write is not run twice)" : `\nPlanning + execution: ${ms.toFixed(1)} ms`}`,
      });
    } catch (error) {
      out.push({ query: c.query, params: c.params, pages, ms: null, buffers: null, flags: [`EXPLAIN failed: ${(error as Error).message}`], text: "" });
    }
  }
  return out.sort((x, y) => (y.ms ?? -1) - (x.ms ?? -1));
}
