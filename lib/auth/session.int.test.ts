import { beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/test/factories";
import { startSession } from "./sessions";

/** What Auth.js would decode from the session cookie in this test. */
let claims: { user?: { id?: string }; sv?: unknown; sid?: unknown } | null = null;
vi.mock("@/auth", () => ({ auth: async () => claims }));

const { endCurrentSession, getActor } = await import("./session");

beforeEach(() => {
  claims = null;
});

describe("getActor: the session cookie's claims against the database", () => {
  it("a token with a live session row is signed in; after sign-out the same token is not", async () => {
    const user = await createUser("client");
    const sid = await startSession(user.id, { ip: "203.0.113.7", userAgent: null });
    claims = { user: { id: user.id }, sv: 0, sid };
    expect((await getActor())?.sessionId).toBe(sid);

    await endCurrentSession();
    expect(await getActor()).toBeNull();
  });

  it("a token from before session rows (no sid) counts as signed out", async () => {
    const user = await createUser("client");
    claims = { user: { id: user.id }, sv: 0 };
    expect(await getActor()).toBeNull();
  });

  it("a token with another user's session id is refused", async () => {
    const user = await createUser("client");
    const other = await createUser("client");
    claims = { user: { id: user.id }, sv: 0, sid: await startSession(other.id, { ip: "203.0.113.7", userAgent: null }) };
    expect(await getActor()).toBeNull();
  });

  it("no cookie: nothing to end, nobody signed in", async () => {
    await endCurrentSession();
    expect(await getActor()).toBeNull();
  });
});
