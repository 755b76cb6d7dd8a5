/**
 * Forgot-password timing: does the answer take longer for an existing address than for an unknown one?
 *
 *   npx tsx scripts/bench-mail-timing.ts [-- --pairs 40]
 *
 * Runs on its own database (PGlite at .data/bench-mail-timing, wiped first; or with DATABASE_URL a
 * scratch database on that server) and times the forgot-password path as the action runs it, for
 * interleaved pairs (existing, unknown), alternating which of the two goes first.
 */
import { rmSync } from "node:fs";
import path from "node:path";

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

  try {
    const handle = await getHandle();
    await migrate(handle.db, handle.kind);
    await seedAccessControl(handle.db);
    const existing: string[] = [];
    for (let i = 0; i < PAIRS + WARMUP; i++) existing.push(`known-${i}@example.test`);
    await handle.db.insert(users).values(existing.map((email) => ({ name: "Known", email, roleKey: "client", emailVerifiedAt: new Date() })));

    // As the action calls it: the mailing is deferred past the answer (after() in the action; here a
    // promise kept aside), and each pair comes from its own IP so the per-IP limit stays out of the way.
    let pending: Promise<void>[] = [];
    const defer = (work: () => Promise<void>) => {
      pending.push(new Promise<void>((resolve) => setImmediate(() => work().then(resolve, resolve))));
    };
    const ask = async (email: string, ip: string) => {
      const t = performance.now();
      await requestPasswordReset({ email }, { ip, defer });
      return performance.now() - t;
    };
    const settle = async () => {
      await Promise.all(pending);
      pending = [];
    };
    const known: number[] = [];
    const unknown: number[] = [];
    let knownSlower = 0;
    for (let i = 0; i < PAIRS + WARMUP; i++) {
      const k = existing[i]!;
      const u = `unknown-${i}@example.test`;
      const ip = `198.51.100.${i}`;
      let tk: number, tu: number;
      // Each answer on an idle server: the previous request's mailing has finished.
      if (i % 2) {
        tk = await ask(k, ip);
        await settle();
        tu = await ask(u, ip);
        await settle();
      } else {
        tu = await ask(u, ip);
        await settle();
        tk = await ask(k, ip);
        await settle();
      }
      if (i < WARMUP) continue;
      known.push(tk);
      unknown.push(tu);
      if (tk > tu) knownSlower++;
    }
    // Back to back: a probe (an unknown address) sent as soon as the answer for the address under test
    // arrives, while that request's mailing may still run in the same process.
    const afterKnown: number[] = [];
    const afterUnknown: number[] = [];
    let probeSlower = 0;
    for (let i = 0; i < PAIRS + WARMUP; i++) {
      const ip = `198.51.100.${100 + i}`;
      const probe = (n: string) => ask(`probe-${n}-${i}@example.test`, ip);
      let pk: number, pu: number;
      if (i % 2) {
        await ask(existing[i]!, ip);
        pk = await probe("k");
        await settle();
        await ask(`other-${i}@example.test`, ip);
        pu = await probe("u");
        await settle();
      } else {
        await ask(`other-${i}@example.test`, ip);
        pu = await probe("u");
        await settle();
        await ask(existing[i]!, ip);
        pk = await probe("k");
        await settle();
      }
      if (i < WARMUP) continue;
      afterKnown.push(pk);
      afterUnknown.push(pu);
      if (pk > pu) probeSlower++;
    }
    const { notifications } = await import("@/db/schema");
    const mails = (await handle.db.select({ id: notifications.id }).from(notifications)).length;
    console.log(
      `forgot-password on ${handle.kind}, ${PAIRS} interleaved pairs on an idle server: median existing ${median(known).toFixed(1)} ms, ` +
        `unknown ${median(unknown).toFixed(1)} ms; existing slower in ${knownSlower} of ${PAIRS} pairs`,
    );
    console.log(
      `  a probe right after the answer: median after existing ${median(afterKnown).toFixed(1)} ms, after unknown ` +
        `${median(afterUnknown).toFixed(1)} ms; slower after existing in ${probeSlower} of ${PAIRS} pairs (${mails} reset mails queued in all)`,
    );
  } finally {
    await closeDb();
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
