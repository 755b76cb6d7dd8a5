import { sql } from "drizzle-orm";
import { getHandle } from "./index";

/**
 * Upkeep PostgreSQL's autovacuum does on a server but the embedded PGlite does not have: refresh the
 * planner's statistics (ANALYZE), so list and search plans stay right as an embedded desk grows from
 * ten tickets to a hundred thousand, and now and then reclaim dead rows (VACUUM). Returns what it
 * did; on a PostgreSQL server it does nothing. Run by the long-running server's timer
 * (instrumentation.ts).
 */
export async function maintainEmbeddedDatabase(opts: { vacuum?: boolean } = {}): Promise<"skipped" | "analyzed" | "vacuumed"> {
  const handle = await getHandle();
  if (handle.kind !== "pglite") return "skipped";
  await handle.db.execute(opts.vacuum ? sql`VACUUM (ANALYZE)` : sql`ANALYZE`);
  return opts.vacuum ? "vacuumed" : "analyzed";
}
