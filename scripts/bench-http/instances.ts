import http from "node:http";
import type { BenchDb } from "../bench/db";
import { request } from "./http";
import { mixed, type Get } from "./load";

/**
 * Two instances on one database: throughput with the load split between them, and the jobs that
 * must not do the same work twice (the outbox sender, the billing job) run on both at once.
 */

/** A stand-in for Resend's API on loopback: answers every send and counts each idempotency key. */
export async function startFakeResend(port: number) {
  const keys = new Map<string, number>();
  let sends = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "POST" && req.url?.endsWith("/emails")) {
        sends++;
        const key = String(req.headers["idempotency-key"] ?? `none-${sends}`);
        keys.set(key, (keys.get(key) ?? 0) + 1);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `fake-${sends}` }));
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    sends: () => sends,
    /** Sends of one notification beyond its first, among `ids` (or all). */
    duplicates: (ids?: string[]) => [...keys].filter(([k, n]) => n > 1 && (!ids || ids.includes(k))).length,
    sentOf: (ids: string[]) => ids.filter((id) => keys.has(id)).length,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>;

export type Throughput = { one: { rps: number; errors: number }; two: { rps: number; errors: number; count: number } };

/** The same mix for `ms` on one instance, then split over two (users alternate between them). */
export async function splitLoad(one: Get[], two: Get[], o: { concurrency: number; ms: number }): Promise<Throughput> {
  const a = await mixed(one, o);
  const b = await mixed(two, o);
  return { one: { rps: a.rps, errors: a.errors }, two: { rps: b.rps, errors: b.errors, count: b.count } };
}

const cron = (base: string, route: string, secret: string, query = "") =>
  request(`${base}/api/cron/${route}${query}`, { headers: { authorization: `Bearer ${secret}` }, keepBody: true });

/**
 * `mails` pending e-mails queued, then the outbox route called on both instances at once, three times
 * each, until nothing is due: every row sent once, none sent twice (idempotency keys at the fake).
 */
export async function outboxOnBoth(b: BenchDb, bases: string[], secret: string, fake: FakeResend, o: { mails: number; recipient: string; tag: string }) {
  const ids = (
    await b.raw<{ id: string }>(
      `INSERT INTO notifications (channel, type, recipient_id, to_address, subject, text)
       SELECT 'email', 'bench.http', $1::uuid, 'bench-outbox@bench.example', $2 || ' ' || g, 'Outbox test mail ' || g
       FROM generate_series(1, $3::int) g RETURNING id::text`,
      [o.recipient, o.tag, o.mails],
    )
  ).map((r) => r.id);
  const errors: string[] = [];
  const t0 = performance.now();
  for (let round = 0; round < 20; round++) {
    const replies = await Promise.all(bases.flatMap((base) => [cron(base, "outbox", secret), cron(base, "outbox", secret), cron(base, "outbox", secret)]));
    for (const r of replies) if (r.status !== 200) errors.push(`outbox HTTP ${r.status}: ${r.body.slice(0, 120)}`);
    const [left] = await b.raw<{ n: number }>("SELECT count(*)::int AS n FROM notifications WHERE id = ANY($1::uuid[]) AND status = 'pending'", [ids]);
    if (left!.n === 0) break;
  }
  const seconds = (performance.now() - t0) / 1000;
  const [state] = await b.raw<{ sent: number }>("SELECT count(*)::int AS sent FROM notifications WHERE id = ANY($1::uuid[]) AND status = 'sent'", [ids]);
  return { queued: ids.length, sent: state!.sent, delivered: fake.sentOf(ids), sentTwice: fake.duplicates(ids), seconds, errors };
}

/**
 * `orders` orders due today added for one client, then the billing route called on both instances
 * at once, three times each: every order billed once for its period, no period twice.
 */
export async function billingOnBoth(b: BenchDb, bases: string[], secret: string, o: { orders: number; client: string; tag: string }) {
  const [{ today }] = (await b.raw<{ today: string }>("SELECT (now() AT TIME ZONE 'UTC')::date::text AS today")) as [{ today: string }];
  const orderIds = (
    await b.raw<{ id: string }>(
      `INSERT INTO orders (service_id, client_id, instance_name, status, activated_at, next_due_on, billing_anchor_day)
       SELECT (SELECT id FROM services WHERE name = 'Bench HTTP VPS'), $1::uuid, $2 || '-' || g, 'active', now(), $3::date, extract(day FROM $3::date)::int
       FROM generate_series(1, $4::int) g RETURNING id::text`,
      [o.client, o.tag, today, o.orders],
    )
  ).map((r) => r.id);
  const t0 = performance.now();
  const replies = await Promise.all(bases.flatMap((base) => [0, 1, 2].map(() => cron(base, "billing", secret, `?date=${today}`))));
  const seconds = (performance.now() - t0) / 1000;
  const errors = replies.filter((r) => r.status !== 200).map((r) => `billing HTTP ${r.status}: ${r.body.slice(0, 160)}`);
  const reports = replies.filter((r) => r.status === 200).map((r) => JSON.parse(r.body) as { ordersBilled?: number; invoicesIssued?: number; failures?: unknown[] });
  const [c] = await b.raw<{ invoices: number; periods: number; billedOrders: number; numbers: number; due: number }>(
    `SELECT count(*)::int AS invoices, count(DISTINCT (order_id, period_start))::int AS periods, count(DISTINCT order_id)::int AS "billedOrders",
            count(DISTINCT number)::int AS numbers,
            (SELECT count(*)::int FROM orders WHERE id = ANY($1::uuid[]) AND next_due_on <= $2::date) AS due
     FROM invoices WHERE order_id = ANY($1::uuid[])`,
    [orderIds, today],
  );
  return {
    orders: orderIds.length,
    invoices: c!.invoices,
    billedTwice: c!.invoices - c!.periods,
    unbilled: orderIds.length - c!.billedOrders,
    duplicateNumbers: c!.invoices - c!.numbers,
    stillDue: c!.due,
    byCall: reports.map((r) => r.invoicesIssued ?? r.ordersBilled ?? 0),
    failures: reports.reduce((s, r) => s + (r.failures?.length ?? 0), 0),
    seconds,
    errors,
  };
}
