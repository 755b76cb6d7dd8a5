import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { notifications, userTokens } from "@/db/schema";
import { ensureFirstAdmin } from "@/db/seed";
import { registerClient, verifyEmail } from "@/lib/auth/register";
import { requestPasswordReset } from "@/lib/auth/reset";
import { env } from "@/lib/env";
import { createUser, tokenFrom } from "@/lib/test/factories";
import { inviteAgent } from "@/lib/users/agents";
import { getMail } from "./queries";
import { deliverDueEmails } from "./sender";
import { startFakeResend } from "./testing";
import { mailboxTransport, resendTransport } from "./transport";

let fake: Awaited<ReturnType<typeof startFakeResend>>;
beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(() => fake.close());

const WEB = { ip: "203.0.113.9" };
const PASSWORD = "a-long-password-1";
const resend = () => resendTransport("re_test_key", { baseUrl: fake.baseUrl, from: "Ticketry <desk@example.test>" });

async function rowTo(address: string) {
  const db = await getDb();
  const [row] = await db.select().from(notifications).where(eq(notifications.toAddress, address));
  return row!;
}

/** Every column of the row, and of every token row, as one string: where a stored link would show. */
async function everythingStored(id: string) {
  const db = await getDb();
  const rows = await db.select().from(notifications).where(eq(notifications.id, id));
  return JSON.stringify([rows, await db.select().from(userTokens)]);
}

/** Runs `fn` as if RESEND_API_KEY were set (env is read at start-up; the mailbox asks it on every view). */
async function withResendConfigured<T>(fn: () => Promise<T>): Promise<T> {
  const before = env.resendApiKey;
  env.resendApiKey = "re_test_key";
  try {
    return await fn();
  } finally {
    env.resendApiKey = before;
  }
}

describe("single-use links at rest", () => {
  it("verification, reset, invite and first-admin mails are marked sensitive; other mail is not", async () => {
    const manager = await createUser("manager");
    await createUser("client", { email: "forgot@example.test" });
    await createUser("client", { email: "taken@example.test" });
    await registerClient({ name: "New", email: "new@example.test", password: PASSWORD, confirmPassword: PASSWORD }, WEB);
    await registerClient({ name: "Again", email: "taken@example.test", password: PASSWORD, confirmPassword: PASSWORD }, WEB);
    await requestPasswordReset({ email: "forgot@example.test" }, WEB);
    await inviteAgent(manager, { name: "Ina", email: "invited@example.test", tier: "agent", departmentIds: [] });
    await ensureFirstAdmin(await getDb(), "boss@example.test", env.appUrl);

    const db = await getDb();
    const rows = await db.select({ type: notifications.type, sensitive: notifications.sensitive }).from(notifications);
    expect(Object.fromEntries(rows.map((r) => [r.type, r.sensitive]))).toEqual({
      "account.verify_email": true,
      "account.already_registered": false,
      "account.reset_password": true,
      "account.agent_invited": true,
      "account.first_admin": true,
    });
  });

  it("after Resend accepted the mail, the row holds no usable link, and the recipient's link still works", async () => {
    await registerClient({ name: "Rae", email: "rae@example.test", password: PASSWORD, confirmPassword: PASSWORD }, WEB);
    const queued = await rowTo("rae@example.test");
    const token = tokenFrom(queued.text);
    expect(queued.sensitive).toBe(true);

    fake.reset();
    const report = await deliverDueEmails({ transport: resend() });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const call = fake.calls.find((c) => c.idempotencyKey === queued.id)!;
    expect(call.body.text).toContain(`${env.appUrl}/verify?token=${token}`);
    expect(call.body.html).toContain(`/verify?token=${token}`);

    const sent = await rowTo("rae@example.test");
    expect(sent.status).toBe("sent");
    expect(await everythingStored(queued.id)).not.toContain(token);
    expect(sent.text).toContain(`${env.appUrl}/verify?token=[redacted]`);
    expect(sent.html).toContain("/verify?token=[redacted]");

    expect((await verifyEmail(token)).email).toBe("rae@example.test");
  });

  it("a mail that finally fails through Resend keeps no link either", async () => {
    await createUser("client", { email: "bounce@example.test" });
    await requestPasswordReset({ email: "bounce@example.test" }, WEB);
    const queued = await rowTo("bounce@example.test");
    const token = tokenFrom(queued.text);
    const db = await getDb();
    await db.update(notifications).set({ attempts: 7 }).where(eq(notifications.id, queued.id));
    fake.reset();
    fake.failNext = 100;
    await deliverDueEmails({ transport: resend() });
    expect((await rowTo("bounce@example.test")).status).toBe("failed");
    expect(await everythingStored(queued.id)).not.toContain(token);
  });

  it("without Resend the built-in mailbox is the delivery: the row and the mailbox keep the link", async () => {
    const admin = await createUser("admin");
    await createUser("client", { email: "local@example.test" });
    await requestPasswordReset({ email: "local@example.test" }, WEB);
    const queued = await rowTo("local@example.test");
    const token = tokenFrom(queued.text);
    await deliverDueEmails({ transport: mailboxTransport });

    const shown = await getMail(admin, queued.id);
    expect(shown.status).toBe("sent");
    expect(shown.linksHidden).toBe(false);
    expect(shown.text).toContain(`/reset-password?token=${token}`);
  });

  it("with Resend configured the mailbox shows a sensitive mail redacted even before it is sent, other mail as it is", async () => {
    const admin = await createUser("admin");
    await createUser("client", { email: "pending@example.test" });
    await requestPasswordReset({ email: "pending@example.test" }, WEB);
    await registerClient({ name: "Dup", email: "pending@example.test", password: PASSWORD, confirmPassword: PASSWORD }, WEB);
    const db = await getDb();
    const rows = await db
      .select({ id: notifications.id, type: notifications.type, text: notifications.text, status: notifications.status })
      .from(notifications)
      .where(eq(notifications.toAddress, "pending@example.test"));
    const reset = rows.find((r) => r.type === "account.reset_password")!;
    const other = rows.find((r) => r.type === "account.already_registered")!;
    const token = tokenFrom(reset.text);
    expect(reset.status).toBe("pending");

    await withResendConfigured(async () => {
      const shown = await getMail(admin, reset.id);
      expect(shown.linksHidden).toBe(true);
      expect(JSON.stringify(shown)).not.toContain(token);
      expect(shown.text).toContain("/reset-password?token=[redacted]");
      const plain = await getMail(admin, other.id);
      expect(plain.linksHidden).toBe(false);
      expect(plain.text).toBe(other.text);
    });
  });
});
