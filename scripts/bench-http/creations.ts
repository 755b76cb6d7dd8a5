import { readFileSync } from "node:fs";
import path from "node:path";
import { percentile } from "../bench/measure";
import type { BenchDb } from "../bench/db";
import { request } from "./http";

/**
 * Ticket creation through the real "new ticket" server action over HTTP, as the browser's form calls
 * it: POST /tickets/new with the action's id (read from the build's server-reference manifest) and
 * the form's values as the single argument. Session, zod, the per-day number counter, history, the
 * outbox and the after-response mail delivery all run, as for a user.
 */
export type CreationResult = { concurrency: number; created: number; failed: number; seconds: number; perSecond: number; p50: number; p95: number; errors: string[] };
/** CPU milliseconds per created ticket: the app server's, and (PostgreSQL) its database backends'. */
export type CreationCpu = { app: number; database: number };

/**
 * The CPU a creation costs and the ceiling it sets, whatever the number of users: the app server is
 * one Node process (its JavaScript, and an embedded PGlite, run on one core), so at most
 * `1 / app CPU-seconds` a second; with PostgreSQL the backends run on the other cores, and all of
 * it together at most `cores / (app + database CPU-seconds)`.
 */
export function cpuLine(cpu: CreationCpu, cores: number): string {
  const total = cpu.app + cpu.database;
  const oneProcess = 1000 / cpu.app;
  const allCores = (cores * 1000) / total;
  const db = cpu.database ? ` + database ${cpu.database.toFixed(1)} ms = ${total.toFixed(1)} ms` : "";
  return `app server ${cpu.app.toFixed(1)} ms${db} → at most ${Math.min(oneProcess, allCores).toFixed(1)} creations/s (one Node process: ${oneProcess.toFixed(1)}/s; ${cores} cores: ${allCores.toFixed(1)}/s)`;
}

export function actionId(distDir: string, exportedName: string, fileHint: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers?: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    const where = `${entry.filename ?? ""} ${Object.keys(entry.workers ?? {}).join(" ")}`;
    if (entry.exportedName === exportedName && where.includes(fileHint)) return id;
  }
  throw new Error(`No server action ${exportedName} (${fileHint}) in ${distDir}'s server-reference-manifest.json`);
}

async function createOne(base: string, cookie: string, id: string, title: string): Promise<{ ms: number; number?: string; error?: string }> {
  const args = [{ title, body: "Created by npm run bench:http to measure ticket creation.", priority: "normal" }];
  const r = await request(`${base}/tickets/new`, {
    method: "POST",
    cookie,
    headers: { accept: "text/x-component", "next-action": id, "content-type": "text/plain;charset=UTF-8" },
    body: JSON.stringify(args),
    keepBody: true,
  });
  const m = /"number":"(TKT-\d{8}-\d+)"/.exec(r.body);
  if (r.status === 200 && m) return { ms: r.ms, number: m[1] };
  return { ms: r.ms, error: `HTTP ${r.status}: ${r.body.slice(0, 160).replace(/\s+/g, " ")}` };
}

/** `concurrency` clients creating tickets back to back for `ms` (each finishes the one it started). */
export async function measureCreations(
  base: string,
  cookie: string,
  id: string,
  o: { concurrency: number; ms: number; tag: string },
): Promise<CreationResult & { numbers: string[] }> {
  const numbers: string[] = [];
  const latencies: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  let i = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (performance.now() - t0 < o.ms) {
        const r = await createOne(base, cookie, id, `${o.tag} ${i++}`).catch((e: Error) => ({ ms: 0, error: e.message, number: undefined }));
        latencies.push(r.ms);
        if (r.number) numbers.push(r.number);
        else if (failed++ < 3) errors.push(r.error!);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency: o.concurrency,
    created: numbers.length,
    failed,
    seconds,
    perSecond: numbers.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors,
    numbers,
  };
}

/**
 * The numbers the action returned must be unique, consecutive within each day (no gap, no reuse),
 * and match the rows the database holds under the run's tag.
 */
export async function checkNumbers(b: BenchDb, numbers: string[], tag: string): Promise<string[]> {
  const problems: string[] = [];
  if (new Set(numbers).size !== numbers.length) problems.push(`${numbers.length - new Set(numbers).size} duplicate numbers returned`);
  const byDay = new Map<string, number[]>();
  for (const n of numbers) {
    const [, day, seq] = /^TKT-(\d{8})-(\d+)$/.exec(n)!;
    byDay.set(day!, [...(byDay.get(day!) ?? []), Number(seq)]);
  }
  for (const [day, seqs] of byDay) {
    seqs.sort((a, b) => a - b);
    const gaps = seqs.length ? seqs[seqs.length - 1]! - seqs[0]! + 1 - seqs.length : 0;
    if (gaps !== 0) problems.push(`${day}: ${seqs.length} numbers from ${seqs[0]} to ${seqs.at(-1)}, ${gaps} missing`);
  }
  const [row] = await b.raw<{ n: number; d: number }>("SELECT count(*)::int AS n, count(DISTINCT number)::int AS d FROM tickets WHERE title LIKE $1", [`${tag} %`]);
  if (row!.n !== numbers.length || row!.d !== numbers.length) problems.push(`the database holds ${row!.n} tickets (${row!.d} numbers) of this run, the action returned ${numbers.length}`);
  return problems;
}
