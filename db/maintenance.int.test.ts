import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, getHandle, rawRows } from "./index";
import { maintainEmbeddedDatabase } from "./maintenance";

describe("maintainEmbeddedDatabase", () => {
  it("analyzes the embedded database so the planner sees its tables, and skips a PostgreSQL server", async () => {
    const { kind } = await getHandle();
    const db = await getDb();
    await db.execute(sql`CREATE TABLE maintenance_probe AS SELECT g AS n FROM generate_series(1, 500) g`);
    const analyzed = async () =>
      (await rawRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'maintenance_probe'`))[0]!.n;
    expect(await analyzed()).toBe(0);
    if (kind === "pglite") {
      expect(await maintainEmbeddedDatabase()).toBe("analyzed");
      expect(await analyzed()).toBe(1);
      expect(await maintainEmbeddedDatabase({ vacuum: true })).toBe("vacuumed");
    } else {
      expect(await maintainEmbeddedDatabase()).toBe("skipped");
      expect(await analyzed()).toBe(0);
    }
  });
});
