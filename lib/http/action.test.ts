import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError, GENERIC_ERROR } from "@/lib/errors";

/** The wrapper's collaborators: the session (an actor a test picks), revalidatePath (recorded). */
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const revalidated = vi.hoisted(() => [] as Array<[string, string | undefined]>);
vi.mock("@/lib/auth/session", () => ({
  actorOrThrow: async () => {
    if (!session.actor) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
    return session.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: (path: string, type?: string) => void revalidated.push([path, type]) }));

const { action, EVERYTHING, publicAction, redirectTo } = await import("./action");
const { notFound } = await import("next/navigation");

const alice: Actor = { id: "u1", name: "Alice", email: "a@example.com", role: "client", companyId: null, permissions: new Set() };
const schema = z.object({ title: z.string() }).strict();

/** What redirect() throws: Next's control-flow error, with the target in its digest. */
async function redirectTarget(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(";")[2]!;
}

beforeEach(() => {
  session.actor = alice;
  revalidated.length = 0;
});
afterEach(() => vi.restoreAllMocks());

describe("action(): the one server-action door", () => {
  it("hands the session's actor and the raw input to the step, revalidates, and returns { ok, data }", async () => {
    const step = vi.fn(async (actor: Actor, input: unknown) => ({ who: actor.id, input }));
    const doIt = action({ name: "do-it", input: schema, revalidate: EVERYTHING }, step);
    await expect(doIt({ title: "x" })).resolves.toEqual({ ok: true, data: { who: "u1", input: { title: "x" } } });
    expect(revalidated).toEqual([["/", "layout"]]);
  });

  it("revalidates every path it names", async () => {
    const doIt = action({ name: "do-it", revalidate: [{ path: "/orders" }, { path: "/manage", type: "layout" }] }, async () => null);
    await doIt();
    expect(revalidated).toEqual([
      ["/orders", undefined],
      ["/manage", "layout"],
    ]);
  });

  it("answers unauthenticated without running the step when there is no session", async () => {
    session.actor = null;
    const step = vi.fn(async () => "done");
    const result = await action({ name: "do-it" }, step)();
    expect(result).toEqual({ ok: false, code: "unauthenticated", formError: "Your session has ended. Sign in again.", fieldErrors: undefined });
    expect(step).not.toHaveBeenCalled();
    expect(revalidated).toEqual([]);
  });

  it("turns an AppError into the form's failure: field errors on their fields, otherwise a form message", async () => {
    const invalid = action({ name: "x" }, async () => {
      throw new AppError("invalid", "Check the highlighted fields.", { title: "Enter a title." });
    });
    await expect(invalid()).resolves.toEqual({ ok: false, code: "invalid", formError: undefined, fieldErrors: { title: "Enter a title." } });
    const conflict = action({ name: "x" }, async () => {
      throw new AppError("conflict", "This ticket changed meanwhile.");
    });
    await expect(conflict()).resolves.toEqual({ ok: false, code: "conflict", formError: "This ticket changed meanwhile.", fieldErrors: undefined });
    expect(revalidated).toEqual([]); // nothing changed, nothing to refresh
  });

  it("logs anything else and answers the generic text, never the internal message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = action({ name: "broken-step" }, async () => {
      throw new Error('invalid byte sequence for encoding "UTF8": 0x00');
    });
    const result = await broken();
    expect(result).toEqual({ ok: false, formError: GENERIC_ERROR });
    expect(JSON.stringify(result)).not.toContain("UTF8");
    expect(log).toHaveBeenCalledWith("[broken-step]", expect.any(Error));
  });

  it("redirects outside the try once the step succeeded (after revalidating)", async () => {
    const go = action({ name: "go", revalidate: EVERYTHING }, async () => redirectTo("/tickets/TKT-20250101-0001"));
    expect(await redirectTarget(go())).toBe("/tickets/TKT-20250101-0001");
    expect(revalidated).toEqual([["/", "layout"]]);
  });

  it("lets Next's own control flow (notFound() inside a step) through instead of calling it a failure", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const missing = action({ name: "missing" }, async () => notFound());
    await expect(missing()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
    expect(log).not.toHaveBeenCalled();
  });
});

describe("publicAction(): the door for the auth forms", () => {
  it("runs without a session", async () => {
    session.actor = null;
    const register = publicAction({ name: "register", input: schema }, async (input) => ({ got: input }));
    await expect(register({ title: "t" })).resolves.toEqual({ ok: true, data: { got: { title: "t" } } });
  });

  it("maps failures the same way", async () => {
    const refused = publicAction({ name: "sign-in" }, async () => {
      throw new AppError("throttled", "Too many attempts.");
    });
    await expect(refused()).resolves.toMatchObject({ ok: false, code: "throttled", formError: "Too many attempts." });
  });
});
