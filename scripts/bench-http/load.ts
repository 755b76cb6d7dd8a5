import os from "node:os";
import { percentile } from "../bench/measure";
import type { Reply } from "./http";

/**
 * The two loads of the bench, each measuring a page and the floor (the signed-out /sign-in) in turn
 * so both meet the same moments of a shared machine: one user (latency percentiles) and ten users
 * (requests per second). Bounded by sample count and time; loopback only (see http.ts).
 */
export type Get = () => Promise<Reply>;
export type Latency = { p50: number; p95: number; p99: number; n: number };
export type OneUser = { page: Latency; floor: Latency; errors: string[]; bytes: number };
export type TenUsers = { page: number; floor: number; errors: string[] };

const summary = (xs: number[]): Latency => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), n: s.length };
};

const check = (r: Reply, errors: string[], what: string) => {
  if (r.status !== 200 && errors.length < 5) errors.push(`${what}: HTTP ${r.status}${r.headers.location ? ` → ${r.headers.location}` : ""}`);
};

/** Floor, page, floor, page …: `samples` of each after `warmup`, or fewer when `budgetMs` runs out (at least 3). */
export async function oneUser(floor: Get, page: Get, o: { samples: number; warmup: number; budgetMs: number }): Promise<OneUser> {
  const errors: string[] = [];
  let bytes = 0;
  for (let i = 0; i < o.warmup; i++) {
    check(await page(), errors, "warm-up");
    await floor();
  }
  const f: number[] = [];
  const p: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < o.samples; i++) {
    if (i >= 3 && performance.now() - t0 > o.budgetMs) break;
    const a = await floor();
    check(a, errors, "floor");
    f.push(a.ms);
    const b = await page();
    check(b, errors, "page");
    p.push(b.ms);
    bytes = b.bytes;
  }
  return { page: summary(p), floor: summary(f), errors, bytes };
}

/** Requests per second of `concurrency` users each sending the next request when the last answered. */
async function window(get: Get, concurrency: number, ms: number, errors: string[]): Promise<{ count: number; seconds: number }> {
  const t0 = performance.now();
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      // Started before the window closed: finishes and counts (a slow page still gets one wave).
      while (performance.now() - t0 < ms) {
        const r = await get().catch((e: Error) => ({ status: 0, headers: {}, error: e.message }) as unknown as Reply);
        check(r, errors, "ten users");
        count++;
      }
    }),
  );
  return { count, seconds: (performance.now() - t0) / 1000 };
}

/** Page window, floor window, `rounds` times; req/s of each over all its windows. */
export async function tenUsers(floor: Get, page: Get, o: { concurrency: number; windowMs: number; rounds: number }): Promise<TenUsers> {
  const errors: string[] = [];
  const sums = { page: { count: 0, seconds: 0 }, floor: { count: 0, seconds: 0 } };
  for (let r = 0; r < o.rounds; r++) {
    for (const [key, get] of [["page", page], ["floor", floor]] as const) {
      const w = await window(get, o.concurrency, o.windowMs, errors);
      sums[key].count += w.count;
      sums[key].seconds += w.seconds;
    }
  }
  return { page: sums.page.count / sums.page.seconds, floor: sums.floor.count / sums.floor.seconds, errors };
}

/** Several getters shared by `concurrency` users in rotation, for `ms`: combined req/s and errors. */
export async function mixed(gets: Get[], o: { concurrency: number; ms: number }): Promise<{ rps: number; count: number; errors: number; sample: string[] }> {
  const errors: string[] = [];
  let i = 0;
  let failed = 0;
  const counting: Get = async () => {
    const r = await gets[i++ % gets.length]!().catch((e: Error) => ({ status: 0, headers: {}, error: e.message }) as unknown as Reply);
    if (r.status !== 200) failed++;
    return r;
  };
  const w = await window(counting, o.concurrency, o.ms, errors);
  return { rps: w.count / w.seconds, count: w.count, errors: failed, sample: errors };
}

export const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
