import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { notifications } from "@/db/schema";
import { queueEmail } from "./outbox";
import { backoffSeconds, deliverDueEmails, MAX_ATTEMPTS } from "./sender";
import { verifyEmailMail } from "./templates/account";
import { startFakeResend } from "./testing";
import { resendTransport } from "./transport";

let fake: Awaited<ReturnType<typeof startFakeResend>>;

beforeAll(async () => {
  fake = await startFakeResend();
});

afterAll(() => fake.close());

beforeEach(async () => {
  fake.reset();
  const db = await getDb();
  await db.delete(notifications);
});

async function queue(n: number) {
  const db = await getDb();
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      ids.push(await queueEmail(tx, { type: "test", to: `user${i}@example.test`, template: verifyEmailMail({ name: `U${i}`, link: "http://localhost/verify?token=x" }) }));
    }
  });
  return ids;
}

const transport = () => resendTransport("re_test_key", { baseUrl: fake.baseUrl, from: "Ticketry <desk@example.test>" });

describe("outbox", () => {
  it("sends through Resend with the row id as the idempotency key and marks the row sent", async () => {
    const [id] = await queue(1);
    const report = await deliverDueEmails({ transport: transport() });
    expect(report).toMatchObject({ claimed: 1, sent: 1, retrying: 0 });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.idempotencyKey).toBe(id);
    expect(fake.calls[0]!.body.subject).toBe("Confirm your e-mail address");
    const db = await getDb();
    const [row] = await db.select().from(notifications).where(eq(notifications.id, id!));
    expect(row).toMatchObject({ status: "sent", providerId: "re_1", attempts: 1, error: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it("a provider failure keeps the row pending with a later attempt time and the error; nothing is lost", async () => {
    const [id] = await queue(1);
    fake.failNext = 1;
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
    const first = await deliverDueEmails({ transport: transport(), now: at });
    expect(first).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    const db = await getDb();
    const [row] = await db.select().from(notifications).where(eq(notifications.id, id!));
    expect(row!.status).toBe("pending");
    expect(row!.attempts).toBe(1);
    expect(row!.error).toMatch(/bad day/);
    expect(row!.nextAttemptAt.getTime()).toBe(at.getTime() + backoffSeconds(1) * 1000);

    // Not due yet: nothing is claimed.
    expect((await deliverDueEmails({ transport: transport(), now: new Date(at.getTime() + 30_000) })).claimed).toBe(0);
    // Due again: delivered, with the same idempotency key as the failed try.
    const second = await deliverDueEmails({ transport: transport(), now: new Date(at.getTime() + 61_000) });
    expect(second.sent).toBe(1);
    expect(fake.calls.map((c) => c.idempotencyKey)).toEqual([id]);
  });

  it("gives up after the last attempt and marks the row failed", async () => {
    const [id] = await queue(1);
    const db = await getDb();
    await db.update(notifications).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(notifications.id, id!));
    fake.failNext = 1;
    const report = await deliverDueEmails({ transport: transport() });
    expect(report.failed).toBe(1);
    const [row] = await db.select({ status: notifications.status }).from(notifications).where(eq(notifications.id, id!));
    expect(row!.status).toBe("failed");
  });

  it("two senders running at once never send one row twice", async () => {
    const ids = await queue(40);
    const t = transport();
    const reports = await Promise.all([
      deliverDueEmails({ transport: t, limit: 25 }),
      deliverDueEmails({ transport: t, limit: 25 }),
      deliverDueEmails({ transport: t, limit: 25 }),
    ]);
    const total = reports.reduce((n, r) => n + r.sent, 0);
    expect(total).toBe(40);
    const keys = fake.calls.map((c) => c.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...ids].sort());
    const db = await getDb();
    const [pending] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(notifications)
      .where(eq(notifications.status, "pending"));
    expect(pending!.n).toBe(0);
  });

  it("a mail queued in a transaction that rolls back is never sent", async () => {
    const db = await getDb();
    await db
      .transaction(async (tx) => {
        await queueEmail(tx, { type: "test", to: "ghost@example.test", template: verifyEmailMail({ name: "G", link: "http://x" }) });
        throw new Error("roll back");
      })
      .catch(() => {});
    expect((await deliverDueEmails({ transport: transport() })).claimed).toBe(0);
    expect(fake.calls).toHaveLength(0);
  });
});
