import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./pagination";

describe("keyset cursors", () => {
  it("round-trips the sort key", () => {
    const c = encodeCursor({ t: "2026-01-01T00:00:00.000Z", id: "abc" });
    expect(decodeCursor(c)).toEqual({ t: "2026-01-01T00:00:00.000Z", id: "abc" });
  });

  it("treats garbage as the first page", () => {
    expect(decodeCursor("%%%")).toBeNull();
    expect(decodeCursor(Buffer.from("[1,2]").toString("base64url"))).toBeNull();
    expect(decodeCursor("a".repeat(600))).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});
