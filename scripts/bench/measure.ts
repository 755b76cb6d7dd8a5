import { explainRun, explainText, type BenchDb } from "./db";

/** What a scenario must meet: an absolute p95, or a p95 within a factor of another scenario's. */
export type Target = { p95: number } | { relativeTo: string; factor: number };

export type Scenario = {
  name: string;
  target: Target;
  /** One call of the real domain function; `i` lets a scenario rotate over inputs. */
  run: (i: number) => Promise<unknown>;
};

export type Result = {
  name: string;
  target: Target;
  p50: number;
  p95: number;
  /** Server-side planning + execution time of the heaviest statement of one call (EXPLAIN ANALYZE median). */
  raw: number;
  /** Pages (buffers) the heaviest statement's execution touched. */
  pages: number;
  /** For a relative target: p50 over the base's p50, the two timed in turn (see interleavedRatio). */
  paired?: number;
  /** Mean CPU ms per call, this process and the database backends together (null: not measurable). */
  cpu: number | null;
  statements: number;
  plan?: string;
};

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

/**
 * Times a scenario end to end (the domain function as a page calls it: zod parse, SQL, row mapping):
 * `warmup` untimed calls, then `iterations` timed ones. Then it records the statements of one call
 * and EXPLAIN ANALYZEs each `explainRuns` times; the heaviest statement's median is the raw figure.
 * The CPU both sides spent over the timed calls, divided by their number, is the CPU figure.
 */
export async function measure(
  b: BenchDb,
  s: Scenario,
  o: { warmup: number; iterations: number; explainRuns: number; plans: boolean },
): Promise<Result> {
  for (let i = 0; i < o.warmup; i++) await s.run(i);
  const samples: number[] = [];
  const cpu0 = await b.cpu();
  for (let i = 0; i < o.iterations; i++) {
    const t0 = performance.now();
    await s.run(i);
    samples.push(performance.now() - t0);
  }
  const cpu1 = await b.cpu();
  samples.sort((a, b) => a - b);

  const statements = await b.capture(() => s.run(0));
  let [raw, pages] = [0, 0];
  let heaviest = statements[0];
  // A statement that is itself an EXPLAIN (the search's row estimate) only plans: nothing to analyze.
  for (const st of statements.filter((x) => !/^\s*EXPLAIN\b/i.test(x.query))) {
    const runs: { ms: number; pages: number }[] = [];
    for (let k = 0; k < o.explainRuns; k++) runs.push(await explainRun(b, st));
    const ms = median(runs.map((r) => r.ms));
    if (ms >= raw) [raw, pages, heaviest] = [ms, median(runs.map((r) => r.pages)), st];
  }
  const plan = o.plans && heaviest ? await explainText(b, heaviest) : undefined;
  const cpu = cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / o.iterations;
  return { name: s.name, target: s.target, p50: percentile(samples, 50), p95: percentile(samples, 95), raw, pages, cpu, statements: statements.length, plan };
}

/**
 * p50 of a scenario over its base's p50, the two called in turn (base, scenario, base, …) so both
 * meet the same moments of the machine's load: a ratio of two separately timed runs of ~2 ms calls
 * swings by ±20 % with whatever else the machine does in between.
 */
export async function interleavedRatio(base: Scenario, s: Scenario, iterations: number): Promise<number> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < iterations; i++) {
    for (const [run, samples] of [[base.run, a], [s.run, b]] as const) {
      const t0 = performance.now();
      await run(i);
      samples.push(performance.now() - t0);
    }
  }
  return median(b) / median(a);
}

/**
 * Pass/fail and the target's text. An absolute target is on p95. "Within 1.2× of page one" compares
 * the time a caller waits (p50; a p95 of a few ms on a shared machine is mostly the wait for a core)
 * and the work the database does (pages its execution touched): a deep page read with OFFSET
 * touches thousands of times more, a keyset page the same. The raw SQL ratio is printed beside them
 * but not judged: below a millisecond it is mostly planning and cache noise.
 */
export function verdict(r: Result, all: Result[]): { target: string; pass: boolean; note?: string } {
  if ("p95" in r.target) return { target: `p95 ≤ ${r.target.p95} ms`, pass: r.p95 <= r.target.p95 };
  const { relativeTo, factor } = r.target;
  const base = all.find((x) => x.name === relativeTo);
  if (!base) return { target: `≤ ${factor}× ${relativeTo}`, pass: false };
  const p50 = r.paired ?? r.p50 / base.p50;
  const pages = r.pages / Math.max(1, base.pages);
  return {
    target: `p50, pages ≤ ${factor}× page one`,
    pass: p50 <= factor && pages <= factor,
    note:
      `depth / page one: p50 ×${p50.toFixed(2)}${r.paired === undefined ? "" : " (timed in turn)"}, pages ×${pages.toFixed(2)} (${r.pages} vs ${base.pages}); ` +
      `raw SQL ×${(r.raw / base.raw).toFixed(2)}, p95 ×${(r.p95 / base.p95).toFixed(2)}`,
  };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** The result table as Markdown (pastes into an issue as is). */
export function table(results: Result[]): string {
  const rows = results.map((r) => {
    const v = verdict(r, results);
    const raw = `${fmt(r.raw)}${r.statements > 1 ? ` (${r.statements} stmts)` : ""}`;
    return { cells: [r.name, fmt(r.p50), fmt(r.p95), raw, r.cpu === null ? "–" : fmt(r.cpu), v.target, v.pass ? "pass" : "FAIL"], note: v.note };
  });
  const head = ["scenario", "p50 ms", "p95 ms", "raw SQL ms", "CPU ms/call", "target", "pass/fail"];
  const numeric = (i: number) => i > 0 && i < 5;
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  const out = [line(head), `|${widths.map((w, i) => (numeric(i) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`, ...rows.map((r) => line(r.cells))];
  for (const r of rows) if (r.note) out.push("", r.note);
  return out.join("\n");
}
