import { readdirSync, readFileSync } from "node:fs";
import type { BenchDb } from "../bench/db";

/**
 * CPU time spent by processes of this machine, from /proc (Linux): user + system time of a process
 * and its descendants (the app server), and of the PostgreSQL backends serving a database (found in
 * pg_stat_activity; the bench and the server run on the same machine). Wall time on a shared
 * 2-core machine says little; CPU-seconds per operation say what one costs, and cores / cost is
 * the throughput ceiling however many users wait.
 */
const TICKS = 100; // USER_HZ: /proc reports times in clock ticks of 1/100 s on Linux

/** utime + stime of one process, in seconds (0 once it has gone). */
function processSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // After "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based) → indexes 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** The process and its descendants. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited while we looked
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

/** A snapshot of CPU seconds per process; `since` gives what each spent after it (new processes count from 0). */
export type CpuSnapshot = Map<number, number>;

export function snapshot(pids: number[]): CpuSnapshot {
  return new Map(pids.map((p) => [p, processSeconds(p)]));
}

export function spentSince(before: CpuSnapshot, now: CpuSnapshot): number {
  let total = 0;
  for (const [pid, s] of now) total += s - (before.get(pid) ?? 0);
  return total;
}

/** The backends (other than the bench's own) connected to the bench's PostgreSQL database. */
export async function databaseBackends(db: BenchDb | null | undefined): Promise<number[]> {
  if (!db || db.kind !== "postgres") return [];
  const rows = await db.raw<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  return rows.map((r) => Number(r.pid));
}

/**
 * Measures the CPU the app server (and, on PostgreSQL, the database's backends) spends while `work`
 * runs. Backends that connect during the work count from 0; the bench's own backend is left out.
 */
export async function measureCpu<T>(serverPid: number, db: BenchDb | null | undefined, work: () => Promise<T>): Promise<{ result: T; app: number; database: number }> {
  const before = { app: snapshot(processTree(serverPid)), db: snapshot(await databaseBackends(db)) };
  const result = await work();
  const after = { app: snapshot(processTree(serverPid)), db: snapshot(await databaseBackends(db)) };
  return { result, app: spentSince(before.app, after.app), database: spentSince(before.db, after.db) };
}
