/**
 * `npm run bench` — the list/search/detail/stats benchmark of the help desk (issue 3).
 *
 *   npm run bench                          # PGlite in .data/bench (wiped), 1,000,000 tickets, 2,000,000 messages
 *   npm run bench -- --tickets 100000      # fewer tickets (messages default to 2 per ticket)
 *   npm run bench -- --skip-generate       # reuse the last generated bench database
 *   DATABASE_URL=postgres://… npm run bench  # a real server (an empty database, or one the bench made)
 *
 * Other options: --messages M, --iterations 50, --warmup 5, --depth 100000, --batch 50000,
 * --clients 300, --agents 30, --days 1095, --dir .data/bench, --plans (print the heaviest plan of
 * each scenario), --only queue,search (scenarios whose name contains one of these; "creation" for
 * the creation throughput), --creations 300 (tickets created at each of 1, 10 and 50 concurrent;
 * 0 skips it), --generate-only.
 * It prints the machine, the data, the load time and one table:
 * scenario | p50 ms | p95 ms | raw SQL ms | CPU ms/call | target | pass/fail.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrate } from "@/db/migrate";
import { openBenchDb } from "./db";
import { generate } from "./generate";
import { interleavedRatio, measure, table, type Result } from "./measure";
import { buildScenarios } from "./scenarios";

const { values: a } = parseArgs({
  options: {
    tickets: { type: "string", default: "1000000" },
    messages: { type: "string" },
    "skip-generate": { type: "boolean", default: false },
    iterations: { type: "string", default: "50" },
    warmup: { type: "string", default: "5" },
    depth: { type: "string" },
    batch: { type: "string", default: "50000" },
    clients: { type: "string", default: "300" },
    agents: { type: "string", default: "30" },
    days: { type: "string", default: "1095" },
    dir: { type: "string", default: ".data/bench" },
    plans: { type: "boolean", default: false },
    only: { type: "string" },
    "generate-only": { type: "boolean", default: false },
    creations: { type: "string", default: "300" },
  },
});

const int = (name: string, v: string | undefined, min = 1) => {
  const x = Number(v);
  if (!Number.isInteger(x) || x < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${v}).`);
  return x;
};

async function main() {
  let creation = 0;
  const tickets = int("tickets", a.tickets, 20);
  const b = await openBenchDb({ dir: path.resolve(a.dir!), wipe: !a["skip-generate"] });
  try {
    const cpus = os.cpus();
    const [v] = await b.raw<{ version: string }>("SELECT version()");
    const loadAvg = os.loadavg().map((x) => x.toFixed(1)).join(" ");
    console.log(`Machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${loadAvg}`);
    console.log(`Database: ${b.where} — ${v!.version.split(" on ")[0]}`);

    if (!a["skip-generate"]) {
      const options = {
        tickets,
        messages: a.messages === undefined ? tickets * 2 : int("messages", a.messages, 0),
        batch: int("batch", a.batch),
        clients: int("clients", a.clients),
        agents: int("agents", a.agents, 2),
        days: int("days", a.days),
      };
      console.log(`Generating ${options.tickets.toLocaleString("en")} tickets and ~${options.messages.toLocaleString("en")} messages…`);
      await generate(b, options);
    } else {
      // Reusing the data: still bring the schema up to date (new indexes are built on the existing rows).
      const t0 = performance.now();
      await migrate(b.db, b.kind);
      console.log(`Migrations applied in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const [meta] = await b.raw<{ value: { seconds: number; tickets: number; changes?: number; messages: number; history: number } | string }>(
      "SELECT value FROM bench_meta WHERE key = 'load'",
    ).catch(() => [] as never[]);
    if (!meta) throw new Error("No bench data here: run without --skip-generate first.");
    const load = typeof meta.value === "string" ? JSON.parse(meta.value) : meta.value;
    const n = (x: number) => x.toLocaleString("en");
    console.log(`Data: ${n(load.tickets)} tickets (${n(load.changes ?? 0)} of them change requests), ${n(load.messages)} messages, ${n(load.history)} history rows — loaded in ${load.seconds.toFixed(0)} s (incl. indexes and VACUUM ANALYZE)`);

    if (a["generate-only"]) return;
    const depth = a.depth ? int("depth", a.depth) : Math.min(100_000, Math.floor(load.tickets / 2));
    const { scenarios, facts } = await buildScenarios(b, { depth });
    for (const f of facts) console.log(`  ${f}`);
    const o = { warmup: int("warmup", a.warmup, 0), iterations: int("iterations", a.iterations), explainRuns: 5, plans: a.plans! };
    console.log(`Timing ${o.iterations} calls per scenario after ${o.warmup} warm-up calls. raw SQL = planning + execution time of the`);
    console.log(`heaviest statement of a call (EXPLAIN ANALYZE, median of ${o.explainRuns}); CPU = mean CPU per call of this process and its database backends.\n`);
    const results: Result[] = [];
    const only = a.only?.split(",").map((x) => x.trim().toLowerCase());
    for (const s of scenarios.filter((x) => !only || only.some((o) => x.name.toLowerCase().includes(o)))) {
      const r = await measure(b, s, o);
      results.push(r);
      if (r.plan) console.log(`── ${r.name}\n${r.plan}\n`);
    }
    // A relative target is judged on the two scenarios timed in turn, when both were measured.
    for (const r of results) {
      if (!("relativeTo" in r.target)) continue;
      const { relativeTo } = r.target;
      const [base, self] = [scenarios.find((x) => x.name === relativeTo), scenarios.find((x) => x.name === r.name)];
      if (base && self && results.some((x) => x.name === relativeTo)) r.paired = await interleavedRatio(base, self, o.iterations * 2);
    }
    console.log(table(results));
    const creations = int("creations", a.creations, 0);
    creation = creations > 0 && (!only || only.some((o) => "creation".includes(o))) ? creations : 0;
    console.log(`\nload average after: ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  } finally {
    await b.close();
  }
  // Creation throughput last (it adds tickets, which the read scenarios must not see), in its own
  // process: React Email cannot render under the react-server condition this one runs with.
  if (creation > 0) {
    const tsx = path.resolve("node_modules/.bin/tsx");
    const script = path.join(import.meta.dirname, "creation-main.ts");
    const child = spawnSync(tsx, [script, "--creations", String(creation), "--dir", a.dir!], { stdio: "inherit" });
    if (child.status !== 0) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
