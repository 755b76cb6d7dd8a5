import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { rateLimits } from "@/db/schema";
import { hit, MAX_WINDOW_SECONDS, pruneRateLimits } from "./rate-limit";

const HOUR = { limit: 3, windowSeconds: 3600 };
const at = (iso: string) => new Date(iso);

async function rowsOf(key: string) {
  const db = await getDb();
  return db.select().from(rateLimits).where(eq(rateLimits.key, key)).orderBy(rateLimits.windowStart);
}

describe("rate limiter", () => {
  it("allows `limit` hits in a window, then refuses until the window ends", async () => {
    const db = await getDb();
    const now = at("2026-04-01T10:15:00Z");
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hit(db, "t:basic", { ...HOUR, now }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(results[3]!.resetAt.toISOString()).toBe("2026-04-01T11:00:00.000Z");
    expect(results[3]!.retryAfterSeconds).toBe(45 * 60);

    // The next window starts from zero.
    expect((await hit(db, "t:basic", { ...HOUR, now: at("2026-04-01T11:00:00Z") })).allowed).toBe(true);
  });

  it("counts each key on its own", async () => {
    const db = await getDb();
    const now = at("2026-04-01T10:00:00Z");
    for (let i = 0; i < 3; i++) await hit(db, "t:a", { ...HOUR, now });
    expect((await hit(db, "t:a", { ...HOUR, now })).allowed).toBe(false);
    expect((await hit(db, "t:b", { ...HOUR, now })).allowed).toBe(true);
  });

  it("keeps one row per key: a hit drops the key's earlier windows, and a flood stops counting past the limit", async () => {
    const db = await getDb();
    for (let i = 0; i < 50; i++) await hit(db, "t:flood", { ...HOUR, now: at("2026-04-01T10:30:00Z") });
    expect((await rowsOf("t:flood")).map((r) => r.count)).toEqual([HOUR.limit + 1]);
    await hit(db, "t:flood", { ...HOUR, now: at("2026-04-01T12:05:00Z") });
    const rows = await rowsOf("t:flood");
    expect(rows.map((r) => [r.windowStart.toISOString(), r.count])).toEqual([["2026-04-01T12:00:00.000Z", 1]]);
  });

  it("prunes windows older than a day, whatever their key, and keeps the recent ones", async () => {
    const db = await getDb();
    await hit(db, "t:old", { ...HOUR, now: at("2026-04-01T08:00:00Z") });
    await hit(db, "t:recent", { ...HOUR, now: at("2026-04-02T07:30:00Z") });
    await pruneRateLimits(db, at("2026-04-02T09:30:00Z"));
    expect(await rowsOf("t:old")).toHaveLength(0);
    expect(await rowsOf("t:recent")).toHaveLength(1);
  });

  it("refuses a window longer than the pruning keeps, or a limit below one", async () => {
    const db = await getDb();
    await expect(hit(db, "t:bad", { limit: 1, windowSeconds: MAX_WINDOW_SECONDS + 1 })).rejects.toThrow(/window/);
    await expect(hit(db, "t:bad", { limit: 0, windowSeconds: 60 })).rejects.toThrow(/limit/);
  });

  it("parallel hits never let more than the limit through", async () => {
    const db = await getDb();
    const now = at("2026-04-01T10:00:00Z");
    const limit = { limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 40 }, () => hit(db, "t:race", { ...limit, now })));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect((await rowsOf("t:race")).map((r) => r.count)).toEqual([11]);
  });
});
