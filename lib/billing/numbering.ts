import { sql } from "drizzle-orm";
import { rawRows, type Conn } from "@/db";

/**
 * Reserves `count` consecutive invoice numbers INV-YYYY-NNNNNN for a year. One upsert on the year's
 * counter row: the row lock is held until the caller's transaction ends, so concurrent issuers
 * queue behind it and never get the same number; a rollback gives the numbers back (no gaps).
 */
export async function allocateInvoiceNumbers(tx: Conn, year: number, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const scope = `invoice:${year}`;
  const [row] = await rawRows<{ value: number }>(
    tx,
    sql`INSERT INTO counters (scope, value) VALUES (${scope}, ${count})
        ON CONFLICT (scope) DO UPDATE SET value = counters.value + EXCLUDED.value
        RETURNING value`,
  );
  const last = Number(row!.value);
  return Array.from({ length: count }, (_, i) => formatInvoiceNumber(year, last - count + 1 + i));
}

export function formatInvoiceNumber(year: number, n: number): string {
  return `INV-${year}-${String(n).padStart(6, "0")}`;
}
