import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { rawRows, type Conn } from "@/db";

/**
 * Ticket numbers: `TKT-YYYYMMDD-NNNN` (seed 004), a per-day sequence. The day is the UTC date of the
 * request. The sequence lives in `counters` (scope `ticket:YYYYMMDD`) and is bumped with one upsert
 * inside the creating transaction: the row lock serializes concurrent creations, and a rolled-back
 * creation rolls its increment back too, so numbers are distinct and consecutive.
 */
export const TICKET_NUMBER_RE = /^TKT-(\d{8})-(\d{4,})$/;

export function ticketDay(at: Date): string {
  return at.toISOString().slice(0, 10).replaceAll("-", "");
}

export function formatTicketNumber(day: string, sequence: number): string {
  return `TKT-${day}-${String(sequence).padStart(4, "0")}`;
}

/** Normalizes what a user typed into a ticket number, or null when it is not one ("tkt-20250101-7" → "TKT-20250101-0007"). */
export function parseTicketNumber(input: string): string | null {
  const m = input.trim().toUpperCase().match(/^TKT-(\d{8})-(\d{1,9})$/);
  if (!m) return null;
  return formatTicketNumber(m[1]!, Number(m[2]));
}

/**
 * The day's next number taken by the statement that inserts the ticket, as its last step: a CTE that
 * bumps the counter, and the number as an SQL expression over it (for the insert's `number` value).
 *
 *   const n = ticketNumberCte(tx, at);
 *   await tx.with(n.cte).insert(tickets).values({ number: n.number, … }).returning(…);
 *
 * The counter row stays locked from this statement until commit, so the creating transaction sends
 * it after everything that can come first, and only what needs the ticket row after it. Past 9,999
 * a day the number grows a digit, as formatTicketNumber does.
 */
export function ticketNumberCte(conn: Conn, at: Date) {
  const day = ticketDay(at);
  const cte = conn
    .$with("ticket_counter", { value: sql<number>`value` })
    .as(
      sql`INSERT INTO counters (scope, value) VALUES (${`ticket:${day}`}, 1)
          ON CONFLICT (scope) DO UPDATE SET value = counters.value + 1
          RETURNING value`,
    );
  const number = sql<string>`(SELECT ${`TKT-${day}-`} || lpad(value::text, greatest(4, length(value::text)), '0') FROM ${cte})`;
  return { cte, number };
}

export async function nextTicketNumber(tx: Conn, at: Date): Promise<string> {
  const day = ticketDay(at);
  const [row] = await rawRows<{ value: number }>(
    tx,
    sql`INSERT INTO counters (scope, value) VALUES (${`ticket:${day}`}, 1)
        ON CONFLICT (scope) DO UPDATE SET value = counters.value + 1
        RETURNING value`,
  );
  return formatTicketNumber(day, Number(row!.value));
}

/**
 * What stands for a ticket's number in its mails until the number is taken (see openTicketTx): the
 * length of the day's real numbers (up to 9,999 a day), so rendering lays the mail out alike (React
 * Email pads the preview text to a fixed length), but four random letters where the real one has
 * digits, so it is never a real number nor text someone typed.
 */
export function standInNumber(at: Date): string {
  const letters = Array.from({ length: 4 }, () => String.fromCharCode(65 + randomInt(26))).join("");
  return `TKT-${ticketDay(at)}-${letters}`;
}
