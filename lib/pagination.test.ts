import { describe, expect, it } from "vitest";
import { z } from "zod";
import { timeIdCursor } from "./input";
import { decodeCursor, encodeCursor } from "./pagination";

const ID = "0b9e2f4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c";
const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

describe("keyset cursors", () => {
  it("round-trips the sort key through the list's shape", () => {
    const c = encodeCursor({ t: "2026-01-01T00:00:00.000Z", id: ID });
    expect(decodeCursor(c, timeIdCursor)).toEqual({ t: "2026-01-01T00:00:00.000Z", id: ID });
  });

  it("treats garbage as the first page", () => {
    const any = z.record(z.string(), z.unknown());
    expect(decodeCursor("%%%", any)).toBeNull();
    expect(decodeCursor(b64("[1,2]"), any)).toBeNull();
    expect(decodeCursor(b64("not json"), any)).toBeNull();
    expect(decodeCursor("a".repeat(600), any)).toBeNull();
    expect(decodeCursor(undefined, any)).toBeNull();
    expect(decodeCursor("", any)).toBeNull();
  });

  it.each([
    ["wrong types", { t: 1, id: ID }],
    ["an impossible month", { t: "2025-13-01T00:00:00.000Z", id: ID }],
    ["an impossible day", { t: "2025-02-30T00:00:00.000Z", id: ID }],
    ["year 0000", { t: "0000-01-01T00:00:00.000Z", id: ID }],
    ["a five-digit year", { t: "+99999-01-01T00:00:00.000Z", id: ID }],
    ["a malformed uuid", { t: "2025-01-01T00:00:00.000Z", id: "-".repeat(36) }],
    ["NUL in the id", { t: "2025-01-01T00:00:00.000Z", id: `${ID.slice(0, 35)}\u0000` }],
    ["a missing key", { t: "2025-01-01T00:00:00.000Z" }],
  ])("refuses a cursor with %s (first page, never a database error)", (_what, value) => {
    expect(decodeCursor(b64(value), timeIdCursor)).toBeNull();
  });
});
