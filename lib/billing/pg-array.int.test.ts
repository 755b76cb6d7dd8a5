import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rawRows } from "@/db";
import { pgArray } from "./pg-array";

describe("pgArray", () => {
  it("round-trips awkward text, numbers and NULL through the database", async () => {
    const values = ['plain', 'with "quotes"', "back\\slash", "comma, {braces}", "NULL", "", " spaced ", "ünïcødé €", null, "line\nbreak"];
    const db = await getDb();
    const rows = await rawRows<{ v: string | null }>(db, sql`SELECT unnest(${pgArray(values)}::text[]) AS v`);
    expect(rows.map((r) => r.v)).toEqual(values);
    const nums = await rawRows<{ v: number }>(db, sql`SELECT unnest(${pgArray([1, -2, 30000])}::int[]) AS v`);
    expect(nums.map((r) => r.v)).toEqual([1, -2, 30000]);
  });
});
