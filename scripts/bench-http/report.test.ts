import { describe, expect, it } from "vitest";
import { planFlags, planText, type Node } from "./explain";
import { rscShare, verdict, type PageResult } from "./report";

const scan = (type: string, relation: string, rows: number, loops = 1): Node => ({ "Node Type": type, "Relation Name": relation, "Actual Rows": rows, "Actual Loops": loops });

describe("planFlags", () => {
  it("flags a sequential scan of tickets, counting every parallel worker's rows", () => {
    const plan: Node = { "Node Type": "Limit", Plans: [{ "Node Type": "Gather Merge", Plans: [scan("Seq Scan", "tickets", 33_380, 3)] }] };
    expect(planFlags(plan)).toEqual(["Seq Scan on tickets (100,140 rows read)"]);
  });

  it("flags an index read end to end through a filter (id::text = $1), with the rows it threw away", () => {
    const plan: Node = {
      "Node Type": "Gather",
      Plans: [{ ...scan("Index Only Scan", "tickets", 0, 3), "Index Name": "tickets_queue_idx", "Rows Removed by Filter": 333_357 }],
    };
    expect(planFlags(plan)).toEqual(["Index Only Scan on tickets using tickets_queue_idx (1,000,071 rows read, 1,000,071 removed by filter)"]);
    expect(planText(plan)).toContain("-> Index Only Scan on tickets using tickets_queue_idx  (rows=0 loops=3)");
  });

  it("leaves index scans and small tables alone", () => {
    const plan: Node = { "Node Type": "Nested Loop", Plans: [scan("Index Scan", "tickets", 26), scan("Seq Scan", "departments", 5), scan("Seq Scan", "orders", 1_003)] };
    expect(planFlags(plan)).toEqual([]);
    expect(planFlags(scan("Seq Scan", "invoices", 11_800))).toEqual(["Seq Scan on invoices (11,800 rows read)"]);
  });

  it("flags a sort of more than 3,000 rows of a growing table, not a page-sized one", () => {
    const big: Node = { "Node Type": "Sort", "Sort Method": "top-N heapsort", Plans: [scan("Bitmap Heap Scan", "tickets", 45_000)] };
    const small: Node = { "Node Type": "Sort", Plans: [scan("Index Scan", "tickets", 2_000)] };
    expect(planFlags(big)).toEqual(["Sort of 45,000 rows over tickets (top-N heapsort)", "Bitmap Heap Scan on tickets (45,000 rows read)"]);
    expect(planFlags(small)).toEqual([]);
  });
});

describe("verdict", () => {
  const result = (page: { p50: number; p95: number }, rps: number): PageResult => ({
    page: { name: "p", role: "agent", path: "/desk" },
    one: { page: { ...page, p99: page.p95, n: 20 }, floor: { p50: 10, p95: 20, p99: 20, n: 20 }, errors: [], bytes: 0 },
    ten: { page: rps, floor: 100, errors: [] },
    status: 200,
    htmlKb: 0,
    rscShare: 0,
    statements: 0,
    flags: [],
    load: "1.00 1.00 1.00",
  });

  it("passes at exactly 3× p50, 4× p95 and half the floor's throughput", () => {
    expect(verdict(result({ p50: 30, p95: 80 }, 50))).toEqual({ pass: true, misses: [] });
  });

  it("names each target a page misses", () => {
    expect(verdict(result({ p50: 31, p95: 81 }, 49)).misses).toEqual(["p50 ×3.1", "p95 ×4.0", "req/s 49%"]);
    expect(verdict({ ...result({ p50: 10, p95: 20 }, 100), flags: ["Q1: Seq Scan on tickets"] }).misses).toEqual(["SQL"]);
  });
});

describe("rscShare", () => {
  it("is the part of the HTML inside the inline RSC pushes", () => {
    const push = '<script>self.__next_f.push([1,"abcdefgh"])</script>';
    const html = `<html><body><p>${"x".repeat(40)}</p>${push}</body></html>`;
    expect(rscShare(html)).toBeCloseTo('[1,"abcdefgh"]'.length / html.length);
    expect(rscShare("<html></html>")).toBe(0);
  });
});
