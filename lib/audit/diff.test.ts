import { describe, expect, it } from "vitest";
import { changedFields } from "./diff";

describe("what an audit record keeps", () => {
  it("only the fields that changed, before and after", () => {
    expect(changedFields({ name: "A", price: 100, active: true }, { name: "B", price: 100, active: true })).toEqual({ before: { name: "A" }, after: { name: "B" } });
  });

  it("nothing when nothing changed (no record is written)", () => {
    expect(changedFields({ name: "A", at: new Date("2025-01-01T00:00:00Z") }, { name: "A", at: new Date("2025-01-01T00:00:00Z") })).toBeNull();
    expect(changedFields(null, null)).toBeNull();
  });

  it("the whole row for a creation or a deletion, dates as ISO strings, undefined as null", () => {
    const row = { name: "A", due: new Date("2025-02-03T04:05:06Z"), notes: undefined };
    expect(changedFields(null, row)).toEqual({ before: null, after: { name: "A", due: "2025-02-03T04:05:06.000Z", notes: null } });
    expect(changedFields(row, null)).toEqual({ before: { name: "A", due: "2025-02-03T04:05:06.000Z", notes: null }, after: null });
  });

  it("a field that appears or disappears, and null versus a value", () => {
    expect(changedFields({ a: 1 }, { a: 1, b: 2 })).toEqual({ before: {}, after: { b: 2 } });
    expect(changedFields({ override: null }, { override: 1250 })).toEqual({ before: { override: null }, after: { override: 1250 } });
  });

  it("context rides along only with the change it explains", () => {
    const context = { currency: ["price"] };
    expect(changedFields({ price: 100, currency: "EUR", name: "A" }, { price: 150, currency: "EUR", name: "A" }, context)).toEqual({
      before: { price: 100, currency: "EUR" },
      after: { price: 150, currency: "EUR" },
    });
    expect(changedFields({ price: 100, currency: "EUR", name: "A" }, { price: 100, currency: "EUR", name: "B" }, context)).toEqual({
      before: { name: "A" },
      after: { name: "B" },
    });
  });
});
