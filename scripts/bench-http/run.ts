import type { BenchDb, Captured } from "../bench/db";
import os from "node:os";
import { actionId, cpuLine, measureCreations, type CreationCpu, type CreationResult } from "./creations";
import { measureCpu } from "./cpu";
import type { SqlLog } from "./explain";
import { request, signIn } from "./http";
import { billingOnBoth, outboxOnBoth, splitLoad, startFakeResend } from "./instances";
import { firstLoadJs } from "./js-size";
import { loadAverage, oneUser, tenUsers, type Get } from "./load";
import type { Page, Role } from "./pages";
import { PASSWORD, type Accounts } from "./prepare";
import { rscShare, TARGET, type PageResult } from "./report";
import { startServer, type Server } from "./server";

/**
 * The part of the bench that needs the servers running: pages, memory, JavaScript, creations and the
 * two-instance checks. Everything it starts (two app servers, the fake mail API) it stops.
 */
export type Live = {
  results: (PageResult & { captured: Captured[] })[];
  creations: (CreationResult & { numbers: string[]; cpuMs?: CreationCpu })[];
  summary: string[];
  misses: string[];
};

type Options = {
  say: (s?: string) => void;
  pages: Page[];
  accounts: Accounts;
  embedded: boolean;
  /** The bench's own handle on a server database (the two-instance checks); null when embedded. */
  db?: BenchDb | null;
  port: number;
  distDir: string;
  sqlLog: SqlLog;
  database: Record<string, string | undefined>;
  secrets: { AUTH_SECRET: string; CRON_SECRET: string };
  log: string;
  timing: { samples: number; warmup: number; budgetMs: number; windowMs: number; rounds: number };
  skip: Set<string>;
  /** Request each page once for its SQL: no timing, memory, JavaScript, creations or second instance. */
  plansOnly: boolean;
  tag: string;
};

export async function runLive(o: Options): Promise<Live> {
  const { say } = o;
  const summary: string[] = [];
  const misses: string[] = [];
  // Shown now as progress, and again in the final report (index.ts prints the summary after the table).
  const note = (s: string) => {
    summary.push(s);
    console.log(s);
  };
  const fake = await startFakeResend(o.port + 2);
  const env = {
    ...o.database,
    ...o.secrets,
    RESEND_API_KEY: "re_bench_http",
    RESEND_BASE_URL: fake.url,
    OUTBOX_INTERVAL_SECONDS: "0",
    SEED_DEMO: "0",
  };
  const servers: Server[] = [];
  try {
    const a = await startServer({ port: o.port, distDir: o.distDir, env: { ...env, BENCH_SQL_LOG: o.sqlLog.file }, log: o.log });
    servers.push(a);
    const rssRest = a.rssMb();
    const cookies = {} as Record<Role, string>;
    for (const [role, u] of Object.entries(o.accounts) as [Role, { email: string }][]) cookies[role] = await signIn(a.url, u.email, PASSWORD);
    say(`Server ${a.url} (pid ${a.pid}), RSS at rest ${rssRest.toFixed(0)} MB; signed in as ${Object.keys(cookies).length} roles`);

    const floor: Get = () => request(`${a.url}/sign-in`);
    const results: Live["results"] = [];
    if (o.plansOnly) say(`\nRequesting ${o.pages.length} pages once each for their SQL…`);
    else say(`\nTiming ${o.pages.length} pages: ${o.timing.samples} samples each at one user (after ${o.timing.warmup} warm-up), ten users ${o.timing.rounds}×${o.timing.windowMs / 1000} s…`);
    for (const page of o.pages) {
      const url = `${a.url}${page.path}`;
      const get: Get = () => request(url, { cookie: cookies[page.role] });
      const from = o.sqlLog.size();
      const doc = await request(url, { cookie: cookies[page.role], keepBody: true });
      await new Promise((r) => setTimeout(r, 150)); // statements of after() work land in the log too
      const captured = o.sqlLog.since(from);
      const one = o.plansOnly ? null : await oneUser(floor, get, o.timing);
      const ten = o.plansOnly ? null : await tenUsers(floor, get, { concurrency: 10, windowMs: o.timing.windowMs, rounds: o.timing.rounds });
      const load = loadAverage();
      results.push({ page, one, ten, status: doc.status, htmlKb: doc.bytes / 1024, rscShare: rscShare(doc.body), statements: captured.length, flags: [], load, captured });
      const errors = [...(doc.status === 200 ? [] : [`HTTP ${doc.status}${doc.headers.location ? ` → ${doc.headers.location}` : ""}`]), ...(one?.errors ?? []), ...(ten?.errors ?? [])];
      const timing =
        one && ten
          ? `p50 ${one.page.p50.toFixed(1).padStart(7)} p95 ${one.page.p95.toFixed(1).padStart(7)} (floor ${one.floor.p50.toFixed(1)}/${one.floor.p95.toFixed(1)})  c=10 ${ten.page.toFixed(1).padStart(6)}/s (floor ${ten.floor.toFixed(1)})`
          : `${doc.ms.toFixed(0).padStart(6)} ms once`;
      say(`  ${page.name.padEnd(40)} ${timing}  ${captured.length} SQL  load ${load}${errors.length ? `  ERRORS ${errors.join("; ")}` : ""}`);
    }
    if (o.plansOnly) return { results, creations: [], summary, misses };
    const rssLoaded = a.rssMb();
    note(`\nServer memory (RSS, the server and its children): ${rssRest.toFixed(0)} MB at rest, ${rssLoaded.toFixed(0)} MB after the page load (target < ${TARGET.rssMb} MB)`);
    if (rssLoaded >= TARGET.rssMb) misses.push(`RSS ${rssLoaded.toFixed(0)} MB after load`);

    const ticketPage = o.pages.find((p) => p.name === "ticket (manager, in_progress)");
    if (!o.skip.has("js") && ticketPage) {
      const js = await firstLoadJs(a.url, cookies.manager, ticketPage.path);
      note(`First-load JavaScript of the ticket page (cold load in Chromium, manager): ${js.transferKb.toFixed(0)} KB transferred (gzip) in ${js.scripts} scripts, ${js.decodedKb.toFixed(0)} KB decoded — load ${loadAverage()}`);
    }

    const creations: Live["creations"] = [];
    if (!o.skip.has("create")) {
      const id = actionId(o.distDir, "createTicketAction", "app/(app)/tickets/actions.ts");
      note(`\nTicket creation through the real server action (POST /tickets/new, createTicketAction) as the client, 5 s per level:`);
      const cores = os.cpus().length;
      for (const concurrency of [1, 10, 50]) {
        const m = await measureCpu(a.pid, o.db, () => measureCreations(a.url, cookies.client, id, { concurrency, ms: 5000, tag: o.tag }));
        const c = { ...m.result, cpuMs: { app: (m.app * 1000) / m.result.created, database: (m.database * 1000) / m.result.created } };
        creations.push(c);
        note(
          `  ${String(concurrency).padStart(2)} at a time: ${c.perSecond.toFixed(1)} tickets/s (${c.created} in ${c.seconds.toFixed(1)} s), p50 ${c.p50.toFixed(0)} ms, p95 ${c.p95.toFixed(0)} ms, ${c.failed} failed${c.errors.length ? ` (${c.errors.join("; ")})` : ""} — load ${loadAverage()}`,
        );
        note(`     CPU per creation: ${cpuLine(c.cpuMs, cores)}`);
        if (c.failed) misses.push(`${c.failed} ticket creations failed at ${concurrency} concurrent`);
      }
    }

    if (!o.skip.has("create")) note(`  RSS after the creations: ${a.rssMb().toFixed(0)} MB`);
    if (!o.skip.has("instances")) {
      if (o.embedded || !o.db) note("\nTwo instances: skipped (the embedded PGlite belongs to one process; run with DATABASE_URL).");
      else await twoInstances({ ...o, db: o.db }, a, cookies, env, servers, fake, note, misses);
    }
    return { results, creations, summary, misses };
  } finally {
    for (const s of servers) await s.stop();
    await fake.stop();
  }
}

async function twoInstances(
  o: Options & { db: BenchDb },
  a: Server,
  cookies: Record<Role, string>,
  env: Record<string, string | undefined>,
  servers: Server[],
  fake: Awaited<ReturnType<typeof startFakeResend>>,
  note: (s: string) => void,
  misses: string[],
) {
  const b = await startServer({ port: o.port + 1, distDir: o.distDir, env, log: o.log });
  servers.push(b);
  const mix = ["/desk?tab=queue", "/manage", "/tickets"].map((p, i) => ({ path: p, role: (["agent", "manager", "client"] as Role[])[i]! }));
  const getter = (s: Server) => mix.map((m): Get => () => request(`${s.url}${m.path}`, { cookie: cookies[m.role] }));
  const one = getter(a);
  const both = getter(a).flatMap((g, i) => [g, getter(b)[i]!]);
  const t = await splitLoad(one, both, { concurrency: 10, ms: 10_000 });
  note(`\nTwo instances (ports ${a.port} and ${b.port}, one database), 10 users over agent queue, manager dashboard, client tickets, 10 s each:`);
  note(`  one instance ${t.one.rps.toFixed(1)} req/s (${t.one.errors} errors); two instances ${t.two.rps.toFixed(1)} req/s combined (${t.two.errors} errors), ×${(t.two.rps / t.one.rps).toFixed(2)} — on ${(await import("node:os")).cpus().length} cores shared with the database and the load generator — load ${loadAverage()}`);
  if (t.one.errors || t.two.errors) misses.push(`two instances: ${t.one.errors + t.two.errors} errors`);

  const secret = env.CRON_SECRET!;
  const mail = await outboxOnBoth(o.db, [a.url, b.url], secret, fake, { mails: 2000, recipient: o.accounts.client.id, tag: o.tag });
  note(`  outbox sender on both at once (6 concurrent route calls a round): ${mail.queued} queued, ${mail.sent} marked sent, ${mail.delivered} reached the mail API, ${mail.sentTwice} sent twice, in ${mail.seconds.toFixed(1)} s${mail.errors.length ? `; errors: ${mail.errors.slice(0, 3).join("; ")}` : ""}`);
  if (mail.sentTwice || mail.sent !== mail.queued || mail.delivered !== mail.queued || mail.errors.length) misses.push("outbox on two instances: mail lost, sent twice or errors");
  const bill = await billingOnBoth(o.db, [a.url, b.url], secret, { orders: 1000, client: o.accounts.client.id, tag: o.tag });
  note(
    `  billing job on both at once (3 route calls each): ${bill.orders} due orders → ${bill.invoices} invoices (calls issued ${bill.byCall.join("+")}), ${bill.billedTwice} periods billed twice, ` +
      `${bill.unbilled} orders unbilled, ${bill.duplicateNumbers} duplicate numbers, ${bill.failures} failures, ${bill.errors.length} HTTP errors, ${bill.seconds.toFixed(1)} s${bill.errors.length ? ` (${bill.errors[0]})` : ""}`,
  );
  if (bill.billedTwice || bill.unbilled || bill.duplicateNumbers || bill.failures || bill.errors.length || bill.stillDue) misses.push("billing on two instances: double or missing work, or errors");
  const rss = [a.rssMb(), b.rssMb()];
  note(`  RSS after all of it: ${rss.map((x) => `${x.toFixed(0)} MB`).join(" and ")} (target < ${TARGET.rssMb} MB)`);
  if (Math.max(...rss) >= TARGET.rssMb) misses.push(`RSS ${Math.max(...rss).toFixed(0)} MB at the end`);
}
