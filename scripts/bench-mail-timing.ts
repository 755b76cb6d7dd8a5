/**
 * Forgot-password timing: does the answer take longer for an existing address than for an unknown one?
 *
 *   npx tsx scripts/bench-mail-timing.ts [-- --pairs 40]
 *
 * Runs on its own database (PGlite at .data/bench-mail-timing, wiped first; or with DATABASE_URL a
 * scratch database on that server) and times the forgot-password path for interleaved pairs
 * (existing, unknown), alternating which of the two goes first: with the mailing inside the request
 * (as it was), deferred past the answer (as the action runs it now), and for a probe sent right
 * after each answer (what is left: the deferred work competing with the next request).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type { Defer } from "@/lib/defer";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PAIRS = arg("pairs", 40);
const WARMUP = 5;
const BENCH_DB = "ticketry_bench_mail_timing";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const given = process.env.DATABASE_URL?.trim();
  let drop = async () => {};
  if (given) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(given, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${BENCH_DB}`);
    const u = new URL(given);
    u.pathname = `/${BENCH_DB}`;
    process.env.DATABASE_URL = u.toString();
    drop = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = path.resolve(".data/bench-mail-timing");
    rmSync(dir, { recursive: true, force: true });
    process.env.PGLITE_DIR = dir;
  }
  const { getHandle, closeDb } = await import("@/db");
  const { migrate } = await import("@/db/migrate");
  const { seedAccessControl } = await import("@/db/seed");
  const { users } = await import("@/db/schema");
  const { requestPasswordReset } = await import("@/lib/auth/reset");
  const { runNow } = await import("@/lib/defer");

  try {
    const handle = await getHandle();
    await migrate(handle.db, handle.kind);
    await seedAccessControl(handle.db);
    const runs = ["inline", "deferred", "probe"] as const;
    const known = (run: string, i: number) => `known-${run}-${i}@example.test`;
    await handle.db.insert(users).values(
      runs.flatMap((run) =>
        Array.from({ length: PAIRS + WARMUP }, (_, i) => ({ name: "Known", email: known(run, i), roleKey: "client", emailVerifiedAt: new Date() })),
      ),
    );

    // The action defers the mailing past the answer (after()); here the deferred work is a promise
    // kept aside. "inline" runs it inside the request instead, as forgot-password did before.
    let pending: Promise<void>[] = [];
    const deferred: Defer = (work) => {
      pending.push(new Promise<void>((resolve) => setImmediate(() => work().then(resolve, resolve))));
    };
    const settle = async () => {
      await Promise.all(pending);
      pending = [];
    };
    // Each pair comes from its own IP, so the per-IP limit stays out of the way.
    const ask = async (email: string, ip: string, defer: Defer) => {
      const t = performance.now();
      await requestPasswordReset({ email }, { ip, defer });
      return performance.now() - t;
    };

    /** Interleaved pairs (existing, unknown), alternating which goes first; `measure` times one side. */
    async function pairs(run: (typeof runs)[number], measure: (email: string, ip: string) => Promise<number>) {
      const k: number[] = [];
      const u: number[] = [];
      let slower = 0;
      for (let i = 0; i < PAIRS + WARMUP; i++) {
        const ip = `198.51.${100 + runs.indexOf(run)}.${i}`;
        const existingMs = () => measure(known(run, i), ip);
        const unknownMs = () => measure(`unknown-${run}-${i}@example.test`, ip);
        let tk: number, tu: number;
        if (i % 2) {
          tk = await existingMs();
          tu = await unknownMs();
        } else {
          tu = await unknownMs();
          tk = await existingMs();
        }
        if (i < WARMUP) continue;
        k.push(tk);
        u.push(tu);
        if (tk > tu) slower++;
      }
      return `median existing ${median(k).toFixed(1)} ms, unknown ${median(u).toFixed(1)} ms; existing slower in ${slower} of ${PAIRS} pairs`;
    }

    const inline = await pairs("inline", (email, ip) => ask(email, ip, runNow));
    // Each answer on an idle server: the previous request's mailing has finished.
    const after = await pairs("deferred", async (email, ip) => {
      const ms = await ask(email, ip, deferred);
      await settle();
      return ms;
    });
    // Back to back: a probe (an unknown address) sent as soon as the answer for the address under
    // test arrives, while that request's mailing may still run in the same process.
    const probe = await pairs("probe", async (email, ip) => {
      await ask(email, ip, deferred);
      const ms = await ask(`probe-${email}`, ip, deferred);
      await settle();
      return ms;
    });
    const { notifications } = await import("@/db/schema");
    const mails = (await handle.db.select({ id: notifications.id }).from(notifications)).length;
    console.log(`forgot-password on ${handle.kind}, ${PAIRS} interleaved pairs each:`);
    console.log(`  mailing inside the request (before): ${inline}`);
    console.log(`  mailing after the answer (now):      ${after}`);
    console.log(`  a probe right after the answer:      ${probe}`);
    console.log(`  (${mails} reset mails queued in all)`);
  } finally {
    await closeDb();
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
