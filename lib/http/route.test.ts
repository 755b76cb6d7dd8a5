import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError, GENERIC_ERROR, throttled } from "@/lib/errors";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  actorOrThrow: async () => {
    if (!session.actor) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
    return session.actor;
  },
}));
vi.mock("@/lib/env", () => ({ env: { cronSecret: "s3cret" } }));

const { route } = await import("./route");

const alice: Actor = { id: "u1", name: "Alice", email: "a@example.com", role: "client", companyId: null, permissions: new Set() };
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const req = (method = "GET", headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/thing/1", { method, headers: { host: "localhost:3000", ...headers } });
const body = async (res: Response) => (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };

beforeEach(() => {
  session.actor = alice;
});

describe("route(): the one route-handler door", () => {
  it("hands the actor and the awaited params to the handler", async () => {
    const GET = route<{ id: string }>({ name: "GET /api/thing/[id]" }, async (_r, { actor, params }) => Response.json({ who: actor.id, id: params.id }));
    const res = await GET(req(), ctx({ id: "1" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ who: "u1", id: "1" });
  });

  it("answers 401 JSON without a session, before the handler runs", async () => {
    session.actor = null;
    const handler = vi.fn(async () => new Response("no"));
    const res = await route({ name: "x" }, handler)(req(), ctx({}));
    expect(res.status).toBe(401);
    expect(await body(res)).toEqual({ error: { code: "unauthenticated", message: "Your session has ended. Sign in again." } });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    [new AppError("not_found", "That invoice was not found."), 404],
    [new AppError("forbidden", "Only the uploader may delete it."), 403],
    [new AppError("invalid", "Check the highlighted fields.", { date: "Enter a date." }), 422],
    [new AppError("conflict", "Closed."), 409],
  ])("maps %s through the status table", async (error, status) => {
    const res = await route({ name: "x" }, async () => Promise.reject(error))(req(), ctx({}));
    expect(res.status).toBe(status);
    expect((await body(res)).error).toEqual({ code: error.code, message: error.message, ...(error.fieldErrors ? { fields: error.fieldErrors } : {}) });
  });

  it("answers 429 with Retry-After when throttled", async () => {
    const res = await route({ name: "x" }, async () => Promise.reject(throttled("Too many uploads.", 30)))(req("POST"), ctx({}));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
  });

  it("logs the unexpected and answers 500 with the generic text", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await route({ name: "GET /api/boom" }, async () => Promise.reject(new Error("connection refused at 10.0.0.5")))(req(), ctx({}));
    expect(res.status).toBe(500);
    expect(await body(res)).toEqual({ error: { code: "internal", message: GENERIC_ERROR } });
    expect(log).toHaveBeenCalledWith("[GET /api/boom]", expect.any(Error));
    log.mockRestore();
  });

  it("puts its headers on error answers too", async () => {
    const res = await route({ name: "x", headers: { "X-Content-Type-Options": "nosniff" } }, async () => Promise.reject(new AppError("not_found", "No.")))(req(), ctx({}));
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses a cookie-authenticated write from another site (403), but not a read", async () => {
    const handler = vi.fn(async () => new Response(null, { status: 204 }));
    const door = route({ name: "x" }, handler);
    const cross = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await door(req(method, cross), ctx({}));
      expect(res.status, method).toBe(403);
      expect((await body(res)).error.code).toBe("forbidden");
    }
    expect(handler).not.toHaveBeenCalled();
    expect((await door(req("GET", cross), ctx({}))).status).toBe(204);
    expect((await door(req("POST", { origin: "http://localhost:3000" }), ctx({}))).status).toBe(204);
  });

  it("lets a cron route in with the secret only, whatever the session", async () => {
    session.actor = null;
    const handler = vi.fn(async () => Response.json({ ok: true }));
    const cron = route({ name: "cron/x", caller: "cron" }, handler);
    const refused = await cron(req("GET"), ctx({}));
    expect(refused.status).toBe(401);
    expect((await body(refused)).error.code).toBe("unauthenticated");
    expect((await cron(req("GET", { authorization: "Bearer nope" }), ctx({}))).status).toBe(401);
    expect((await cron(req("POST", { authorization: "Bearer s3cret" }), ctx({}))).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
