import { explainMs, explainText, type BenchDb } from "./db";

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
  /** Server execution time of the heaviest statement of one call (EXPLAIN ANALYZE median). */
  raw: number;
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
 */
export async function measure(
  b: BenchDb,
  s: Scenario,
  o: { warmup: number; iterations: number; explainRuns: number; plans: boolean },
): Promise<Result> {
  for (let i = 0; i < o.warmup; i++) await s.run(i);
  const samples: number[] = [];
  for (let i = 0; i < o.iterations; i++) {
    const t0 = performance.now();
    await s.run(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);

  const statements = await b.capture(() => s.run(0));
  let raw = 0;
  let heaviest = statements[0];
  for (const st of statements) {
    const times: number[] = [];
    for (let k = 0; k < o.explainRuns; k++) times.push(await explainMs(b, st));
    const ms = median(times);
    if (ms >= raw) [raw, heaviest] = [ms, st];
  }
  const plan = o.plans && heaviest ? await explainText(b, heaviest) : undefined;
  return { name: s.name, target: s.target, p50: percentile(samples, 50), p95: percentile(samples, 95), raw, statements: statements.length, plan };
}

/** Pass/fail and the target's text; a relative target compares p95 with the named scenario's p95. */
export function verdict(r: Result, all: Result[]): { target: string; pass: boolean; note?: string } {
  if ("p95" in r.target) return { target: `p95 ≤ ${r.target.p95} ms`, pass: r.p95 <= r.target.p95 };
  const { relativeTo, factor } = r.target;
  const base = all.find((x) => x.name === relativeTo);
  if (!base) return { target: `≤ ${factor}× ${relativeTo}`, pass: false };
  const ratio = r.p95 / base.p95;
  const rawRatio = base.raw > 0 ? r.raw / base.raw : NaN;
  return {
    target: `p95 ≤ ${factor}× page one`,
    pass: ratio <= factor,
    note: `depth/page one: p95 ×${ratio.toFixed(2)}, p50 ×${(r.p50 / base.p50).toFixed(2)}, raw SQL ×${rawRatio.toFixed(2)}`,
  };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** The result table as Markdown (pastes into an issue as is). */
export function table(results: Result[]): string {
  const rows = results.map((r) => {
    const v = verdict(r, results);
    return { cells: [r.name, fmt(r.p50), fmt(r.p95), `${fmt(r.raw)}${r.statements > 1 ? ` (${r.statements} stmts)` : ""}`, v.target, v.pass ? "pass" : "FAIL"], note: v.note };
  });
  const head = ["scenario", "p50 ms", "p95 ms", "raw SQL ms", "target", "pass/fail"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i > 0 && i < 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  const out = [line(head), `|${widths.map((w, i) => (i > 0 && i < 4 ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`, ...rows.map((r) => line(r.cells))];
  for (const r of rows) if (r.note) out.push("", r.note);
  return out.join("\n");
}
