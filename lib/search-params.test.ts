import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cursorParam, searchText, uuid } from "./input";
import { decodePathParam, firstValue, readSearchParams } from "./search-params";

describe("readSearchParams", () => {
  const shape = { status: z.enum(["open", "closed"]), q: searchText(20), departmentId: uuid("x"), cursor: cursorParam };

  it("parses each parameter on its own and drops what its schema refuses", () => {
    const out = readSearchParams({ status: "bogus", q: "  printer ", departmentId: "1;DROP", cursor: "abc" }, shape);
    expect(out).toEqual({ q: "printer", cursor: "abc" });
  });

  it("takes the first of a repeated parameter, never an array", () => {
    expect(readSearchParams({ status: ["closed", "open"], q: ["a", "b"] }, shape)).toEqual({ status: "closed", q: "a" });
  });

  it("ignores parameters it was not asked for", () => {
    expect(readSearchParams({ assigneeId: "x", status: "open" }, shape)).toEqual({ status: "open" });
  });

  it("shows control characters and lone surrogates as U+FFFD, never echoing them into the page", () => {
    expect(readSearchParams({ q: "a\u0000b\u001b[2J\ud800" }, shape)).toEqual({ q: "a\uFFFDb\uFFFD[2J\uFFFD" });
    expect(firstValue(["\u0000", "x"])).toBe("\uFFFD");
  });

  it("drops an over-long cursor", () => {
    expect(readSearchParams({ cursor: "a".repeat(501) }, shape)).toEqual({});
  });
});

describe("firstValue", () => {
  it("reads one value", () => {
    expect(firstValue(undefined)).toBeUndefined();
    expect(firstValue("a")).toBe("a");
    expect(firstValue(["a", "b"])).toBe("a");
    expect(firstValue([])).toBeUndefined();
  });
});

describe("decodePathParam", () => {
  it("decodes a path segment", () => {
    expect(decodePathParam("TKT-20250101-0001")).toBe("TKT-20250101-0001");
    expect(decodePathParam("%C3%9Cber")).toBe("Über");
  });

  it.each(["%E0%A4%A", "%", "%zz", "%C3"])("answers null (a 404) for the malformed escape %s", (raw) => {
    expect(decodePathParam(raw)).toBeNull();
  });
});
