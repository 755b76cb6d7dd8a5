import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { userSessions } from "@/db/schema";
import { resetClock, setClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createUser, mailsTo, TEST_PASSWORD, tokenFrom } from "@/lib/test/factories";
import { updateAgent } from "@/lib/users/agents";
import { changePassword } from "./account";
import { loadSessionActor, type Actor } from "./actor";
import { requestPasswordReset, resetPassword } from "./reset";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";
import { endOtherSessions, endSession, endSignedOutSession, listSessions, startSession } from "./sessions";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:143.0) Gecko/20100101 Firefox/143.0";

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Signs a user in on the server side, as auth.ts does: a session row, then the actor of that session. */
async function signedIn(user: Actor, userAgent = CHROME, ip = "203.0.113.7"): Promise<Actor> {
  const sessionId = await startSession(user.id, { ip, userAgent });
  const actor = await loadSessionActor(user.id, 0, sessionId);
  expect(actor?.sessionId).toBe(sessionId);
  return actor!;
}

async function liveSessionIds(userId: string) {
  const db = await getDb();
  const rows = await db.select({ id: userSessions.id, endedAt: userSessions.endedAt }).from(userSessions).where(eq(userSessions.userId, userId));
  return rows.filter((r) => !r.endedAt).map((r) => r.id);
}

afterEach(() => resetClock());

describe("a session row behind every session cookie", () => {
  it("an ended session is refused, however valid its cookie", async () => {
    const user = await createUser("client");
    const session = await signedIn(user);
    await endSignedOutSession(user.id, session.sessionId!);
    expect(await loadSessionActor(user.id, 0, session.sessionId!)).toBeNull();
  });

  it("a missing row, another user's row or a malformed id is refused", async () => {
    const user = await createUser("client");
    const other = await signedIn(await createUser("client"));
    expect(await loadSessionActor(user.id, 0, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadSessionActor(user.id, 0, other.sessionId!)).toBeNull();
    expect(await loadSessionActor(user.id, 0, "not-a-uuid")).toBeNull();
  });

  it("writes last-seen at most every few minutes, not on every request", async () => {
    const start = new Date("2026-03-01T10:00:00Z");
    setClock(() => start);
    const user = await createUser("client");
    const { sessionId } = await signedIn(user);
    const lastSeen = async () => (await listSessions(user)).find((s) => s.id === sessionId)!.lastSeenAt.toISOString();

    setClock(() => new Date(start.getTime() + 4 * 60_000));
    await loadSessionActor(user.id, 0, sessionId!);
    expect(await lastSeen()).toBe(start.toISOString());

    const later = new Date(start.getTime() + 6 * 60_000);
    setClock(() => later);
    await loadSessionActor(user.id, 0, sessionId!);
    expect(await lastSeen()).toBe(later.toISOString());
  });
});

describe("the account page's session list", () => {
  it("lists the live sessions, newest first, with browser, address and the current one marked", async () => {
    const start = new Date("2026-03-01T10:00:00Z");
    setClock(() => start);
    const user = await createUser("client");
    const laptop = await signedIn(user, CHROME, "203.0.113.7");
    setClock(() => new Date(start.getTime() + 60_000));
    const desktop = await signedIn(user, FIREFOX, "unknown");
    const ended = await signedIn(user);
    await endSignedOutSession(user.id, ended.sessionId!);
    await signedIn(await createUser("client")); // someone else's

    const list = await listSessions(desktop);
    expect(list.map((s) => ({ id: s.id, browser: s.browser, ip: s.ip, current: s.current }))).toEqual([
      { id: desktop.sessionId, browser: "Firefox on Windows", ip: null, current: true },
      { id: laptop.sessionId, browser: "Chrome on Linux", ip: "203.0.113.7", current: false },
    ]);
    expect(list[1]!.createdAt.toISOString()).toBe(start.toISOString());

    // Idle past the cookie's life: gone from the list.
    setClock(() => new Date(start.getTime() + SESSION_MAX_AGE_SECONDS * 1000 + 30_000));
    expect((await listSessions(desktop)).map((s) => s.id)).toEqual([desktop.sessionId]);
  });

  it("ends one own session; another user's, an ended one or a malformed id is refused", async () => {
    const user = await createUser("client");
    const here = await signedIn(user);
    const there = await signedIn(user);
    const stranger = await signedIn(await createUser("client"));

    expect(await endSession(here, { sessionId: there.sessionId })).toEqual({ id: there.sessionId });
    expect(await loadSessionActor(user.id, 0, there.sessionId!)).toBeNull();
    expect(await loadSessionActor(user.id, 0, here.sessionId!)).not.toBeNull();

    expect((await refusal(endSession(here, { sessionId: stranger.sessionId }))).code).toBe("not_found");
    expect(await loadSessionActor(stranger.id, 0, stranger.sessionId!)).not.toBeNull();
    expect((await refusal(endSession(here, { sessionId: there.sessionId }))).code).toBe("not_found");
    expect((await refusal(endSession(here, { sessionId: "nope" }))).code).toBe("invalid");
    expect((await refusal(endSession(here, { sessionId: there.sessionId, userId: stranger.id }))).code).toBe("invalid");
  });

  it("ends every other session and keeps this one", async () => {
    const user = await createUser("client");
    const here = await signedIn(user);
    await signedIn(user);
    await signedIn(user, FIREFOX);
    const stranger = await signedIn(await createUser("client"));

    expect(await endOtherSessions(here)).toEqual({ ended: 2 });
    expect(await liveSessionIds(user.id)).toEqual([here.sessionId]);
    expect(await liveSessionIds(stranger.id)).toEqual([stranger.sessionId]);
    expect(await endOtherSessions(here)).toEqual({ ended: 0 });
  });
});

describe("changes that end every session also end the rows", () => {
  it("a password change", async () => {
    const user = await createUser("client");
    const here = await signedIn(user);
    await signedIn(user);
    await changePassword(here, { currentPassword: TEST_PASSWORD, password: "changed-password-1", confirmPassword: "changed-password-1" });
    expect(await liveSessionIds(user.id)).toEqual([]);
    expect(await listSessions(here)).toEqual([]);
  });

  it("a password reset", async () => {
    const user = await createUser("client", { email: "reset-sessions@example.test" });
    await signedIn(user);
    await requestPasswordReset({ email: user.email }, { ip: "203.0.113.9" });
    const token = tokenFrom((await mailsTo(user.email))[0]!.text);
    await resetPassword({ token, password: "brand-new-password", confirmPassword: "brand-new-password" });
    expect(await liveSessionIds(user.id)).toEqual([]);
  });

  it("a tier change or a deactivation, but not a rename", async () => {
    const manager = await createUser("manager");
    const agent = await createUser("agent");
    await signedIn(agent);
    await updateAgent(manager, { userId: agent.id, name: "Renamed Agent" });
    expect(await liveSessionIds(agent.id)).toHaveLength(1);
    await updateAgent(manager, { userId: agent.id, tier: "agent_l2" });
    expect(await liveSessionIds(agent.id)).toEqual([]);

    await startSession(agent.id, { ip: "203.0.113.7", userAgent: CHROME });
    await updateAgent(manager, { userId: agent.id, active: false });
    expect(await liveSessionIds(agent.id)).toEqual([]);
  });
});
