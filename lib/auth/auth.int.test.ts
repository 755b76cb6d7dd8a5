import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { resetClock, setClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createUser, mailsTo, TEST_PASSWORD, tokenFrom } from "@/lib/test/factories";
import { changePassword } from "./account";
import { loadActor } from "./actor";
import { authenticate } from "./authenticate";
import { registerClient, resendVerification, verifyEmail, REGISTERED_MESSAGE } from "./register";
import { requestPasswordReset, resetPassword, RESET_REQUESTED_MESSAGE } from "./reset";
import { PEER_HEADER, proxyTrust, resolveClientIp, UNKNOWN_IP } from "@/lib/http/client-ip";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, recordAttempt } from "./throttle";

const IP = "203.0.113.7";
/** The mail forms as a request from IP reaches them (the mailing runs at once in tests). */
const WEB = { ip: IP };
const SERVED = proxyTrust({ onVercel: false, trustedProxyHops: 0, trustedProxies: [], peerStamped: true });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

afterEach(() => resetClock());

describe("registration and verification", () => {
  it("registers a client, mails a verification link, verifies, then signs in", async () => {
    const result = await registerClient({ name: "Rita", email: "Rita@Example.test", password: "a-long-password", confirmPassword: "a-long-password" }, WEB);
    expect(result.message).toBe(REGISTERED_MESSAGE);

    const [mail] = await mailsTo("rita@example.test");
    expect(mail?.type).toBe("account.verify_email");
    expect(mail?.html).toContain("Confirm my address");

    const refused = await refusal(authenticate({ email: "rita@example.test", password: "a-long-password" }, IP));
    expect(refused.code).toBe("unverified");
    expect(refused.message).toMatch(/confirm your e-mail/i);

    await verifyEmail(tokenFrom(mail!.text));
    const user = await authenticate({ email: "RITA@example.test", password: "a-long-password" }, IP);
    expect(user.role).toBe("client");
    expect(user.email).toBe("rita@example.test");
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const db = await getDb();
    const before = (await db.select({ id: users.id }).from(users)).length;
    const error = await refusal(registerClient({ name: "", email: "not-an-email", password: "short", confirmPassword: "other" }, WEB));
    expect(error.fieldErrors).toMatchObject({
      name: expect.any(String),
      email: expect.stringMatching(/valid e-mail/),
      password: expect.stringMatching(/10 characters/),
    });
    const mismatch = await refusal(registerClient({ name: "X", email: "x@example.test", password: "long-enough-1", confirmPassword: "long-enough-2" }, WEB));
    expect(mismatch.fieldErrors?.confirmPassword).toMatch(/do not match/);
    const extra = await refusal(registerClient({ name: "X", email: "x@example.test", password: "long-enough-1", confirmPassword: "long-enough-1", role: "admin" }, WEB));
    expect(extra.fieldErrors?._form).toMatch(/may not set/);
    expect((await db.select({ id: users.id }).from(users)).length).toBe(before);
    expect(await mailsTo("x@example.test")).toHaveLength(0);
  });

  it("answers the same for a taken address and mails its owner instead of creating anything", async () => {
    const existing = await createUser("client", { email: "taken@example.test" });
    const result = await registerClient({ name: "Eve", email: "taken@example.test", password: "eve-password-1", confirmPassword: "eve-password-1" }, WEB);
    expect(result.message).toBe(REGISTERED_MESSAGE);
    const mails = await mailsTo("taken@example.test");
    expect(mails.map((m) => m.type)).toEqual(["account.already_registered"]);
    const db = await getDb();
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, existing.id));
    expect(row?.name).toBe(existing.name);
  });

  it("verification links are single use; a new link replaces the old one", async () => {
    await registerClient({ name: "Vic", email: "vic@example.test", password: "vic-password-1", confirmPassword: "vic-password-1" }, WEB);
    const first = tokenFrom((await mailsTo("vic@example.test"))[0]!.text);
    await resendVerification({ email: "vic@example.test" }, WEB);
    const second = tokenFrom((await mailsTo("vic@example.test"))[0]!.text);
    expect(second).not.toBe(first);
    expect((await refusal(verifyEmail(first))).code).toBe("invalid");
    await verifyEmail(second);
    expect((await refusal(verifyEmail(second))).message).toMatch(/not valid any more/);
  });
});

describe("sign-in", () => {
  it("refuses a wrong password and an unknown address with the same message", async () => {
    await createUser("agent", { email: "agent@example.test" });
    const wrong = await refusal(authenticate({ email: "agent@example.test", password: "nope-nope-nope" }, IP));
    const unknown = await refusal(authenticate({ email: "ghost@example.test", password: "nope-nope-nope" }, IP));
    expect(wrong.message).toBe("Wrong e-mail address or password.");
    expect(unknown.message).toBe(wrong.message);
  });

  it("throttles an account after repeated failures, says how long, and forgets after the window", async () => {
    const start = new Date("2026-03-01T10:00:00Z");
    setClock(() => start);
    await createUser("client", { email: "target@example.test" });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await refusal(authenticate({ email: "target@example.test", password: `wrong-${i}-password` }, `198.51.100.${i}`));
    }
    const blocked = await refusal(authenticate({ email: "target@example.test", password: TEST_PASSWORD }, "192.0.2.99"));
    expect(blocked.code).toBe("throttled");
    expect(blocked.message).toMatch(/try again in 15 minutes/i);

    setClock(() => new Date(start.getTime() + 10 * 60_000));
    expect((await refusal(authenticate({ email: "target@example.test", password: TEST_PASSWORD }, IP))).message).toMatch(/in 5 minutes/);

    setClock(() => new Date(start.getTime() + 16 * 60_000));
    const ok = await authenticate({ email: "target@example.test", password: TEST_PASSWORD }, IP);
    expect(ok.email).toBe("target@example.test");
  });

  it("limits failures per real address: a forged X-Forwarded-For neither escapes the limit nor locks its owner out", async () => {
    const at = new Date("2026-03-01T10:00:00Z");
    setClock(() => at);
    await createUser("client", { email: "victim@example.test" });
    // As scripts/serve.ts serves the app with no proxy configured: the address is the socket's.
    const from = (peer: string, forged: string) => resolveClientIp(new Headers({ [PEER_HEADER]: peer, "x-forwarded-for": forged }), SERVED);
    const db = await getDb();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await recordAttempt(db, `nobody-${i}@example.test`, from("198.51.100.66", `192.0.2.${i}`), false, at);
    }
    const fresh = await refusal(authenticate({ email: "victim@example.test", password: TEST_PASSWORD }, from("198.51.100.66", "192.0.2.222")));
    expect(fresh.code).toBe("throttled");
    const owner = await authenticate({ email: "victim@example.test", password: TEST_PASSWORD }, from("192.0.2.1", "198.51.100.66"));
    expect(owner.email).toBe("victim@example.test");
  });

  it("an address that cannot be told has no shared per-IP budget, only the account's", async () => {
    const at = new Date("2026-03-01T10:00:00Z");
    setClock(() => at);
    await createUser("client", { email: "anyone@example.test" });
    const db = await getDb();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await recordAttempt(db, `someone-${i}@example.test`, UNKNOWN_IP, false, at);
    expect(resolveClientIp(new Headers({ "x-forwarded-for": "192.0.2.1" }), SERVED)).toBe(UNKNOWN_IP);
    const ok = await authenticate({ email: "anyone@example.test", password: TEST_PASSWORD }, UNKNOWN_IP);
    expect(ok.email).toBe("anyone@example.test");
  });

  it("a success clears the account's failures", async () => {
    await createUser("client", { email: "clear@example.test" });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      await refusal(authenticate({ email: "clear@example.test", password: "wrong-password-x" }, IP));
    }
    await authenticate({ email: "clear@example.test", password: TEST_PASSWORD }, IP);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      expect((await refusal(authenticate({ email: "clear@example.test", password: "wrong-password-x" }, IP))).code).toBe("invalid");
    }
  });

  it("refuses a deactivated account", async () => {
    const user = await createUser("client", { email: "gone@example.test" });
    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect((await refusal(authenticate({ email: "gone@example.test", password: TEST_PASSWORD }, IP))).message).toMatch(/deactivated/);
  });
});

describe("password reset", () => {
  it("answers the same for unknown addresses and mails nothing", async () => {
    const r = await requestPasswordReset({ email: "nobody@example.test" }, WEB);
    expect(r.message).toBe(RESET_REQUESTED_MESSAGE);
    expect(await mailsTo("nobody@example.test")).toHaveLength(0);
  });

  it("resets once, ends other sessions, and refuses the link a second time", async () => {
    const user = await createUser("client", { email: "reset@example.test" });
    expect(await loadActor(user.id, 0)).not.toBeNull();
    const r = await requestPasswordReset({ email: "RESET@example.test" }, WEB);
    expect(r.message).toBe(RESET_REQUESTED_MESSAGE);
    const token = tokenFrom((await mailsTo("reset@example.test"))[0]!.text);

    await resetPassword({ token, password: "brand-new-password", confirmPassword: "brand-new-password" });
    expect(await loadActor(user.id, 0)).toBeNull(); // the old session version is dead
    expect(await loadActor(user.id, 1)).not.toBeNull();
    await authenticate({ email: "reset@example.test", password: "brand-new-password" }, IP);
    expect((await refusal(authenticate({ email: "reset@example.test", password: TEST_PASSWORD }, IP))).code).toBe("invalid");

    const again = await refusal(resetPassword({ token, password: "another-password-1", confirmPassword: "another-password-1" }));
    expect(again.message).toMatch(/not valid any more/);
  });

  it("refuses an expired link and a wrong one", async () => {
    const start = new Date("2026-05-01T08:00:00Z");
    setClock(() => start);
    await createUser("client", { email: "late@example.test" });
    await requestPasswordReset({ email: "late@example.test" }, WEB);
    const token = tokenFrom((await mailsTo("late@example.test"))[0]!.text);
    setClock(() => new Date(start.getTime() + 61 * 60_000));
    expect((await refusal(resetPassword({ token, password: "late-password-1", confirmPassword: "late-password-1" }))).code).toBe("invalid");
    expect((await refusal(resetPassword({ token: "x".repeat(43), password: "late-password-1", confirmPassword: "late-password-1" }))).code).toBe("invalid");
  });
});

describe("session version", () => {
  it("a password change, a role change or a deactivation ends existing sessions", async () => {
    const user = await createUser("agent", { email: "sv@example.test" });
    await changePassword(user, { currentPassword: TEST_PASSWORD, password: "changed-password-1", confirmPassword: "changed-password-1" });
    expect(await loadActor(user.id, 0)).toBeNull();
    expect(await loadActor(user.id, 1)).not.toBeNull();

    const wrongCurrent = await refusal(changePassword(user, { currentPassword: "not-it-at-all", password: "x-password-22", confirmPassword: "x-password-22" }));
    expect(wrongCurrent.fieldErrors?.currentPassword).toMatch(/not your current password/);

    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await loadActor(user.id, 1)).toBeNull();
  });
});
