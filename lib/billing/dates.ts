/**
 * Calendar arithmetic for billing, on ISO dates ("YYYY-MM-DD") in UTC: no time zones, no floats,
 * no Date objects leaking into the rules. A period starts on its due date and ends the day before
 * the next one; months are anchored to the first due date's day (Jan 31 → Feb 28 → Mar 31).
 */
export type BillingPeriod = "monthly" | "quarterly" | "yearly" | "one_time";

export const PERIOD_MONTHS: Record<Exclude<BillingPeriod, "one_time">, number> = { monthly: 1, quarterly: 3, yearly: 12 };

export const PERIOD_LABELS: Record<BillingPeriod, string> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  yearly: "Yearly",
  one_time: "One-time",
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO.exec(date);
  if (!m) throw new Error(`Not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function isValidIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The UTC calendar date of an instant. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function dayOf(date: string): number {
  return parts(date)[2];
}

export function yearOf(date: string): number {
  return parts(date)[0];
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return utcDate(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Moves by whole months and lands on the anchor day, or the month's last day when it is shorter. */
export function addMonthsAnchored(date: string, months: number, anchorDay: number): string {
  const [y, m] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, Math.min(anchorDay, daysInMonth(year, month)));
}

export type Period = { start: string; end: string | null };

/**
 * Every period due on or before `asOf`, from `nextDueOn` on: the catch-up of missed periods.
 * Returns the periods to bill and the next due date after them (null once a one-time service is billed).
 * `max` bounds one run's catch-up; the next run continues where it stopped.
 */
export function duePeriods(opts: {
  nextDueOn: string;
  anchorDay: number | null;
  period: BillingPeriod;
  asOf: string;
  max?: number;
}): { periods: Period[]; nextDueOn: string | null } {
  const { nextDueOn, period, asOf } = opts;
  if (nextDueOn > asOf) return { periods: [], nextDueOn };
  if (period === "one_time") return { periods: [{ start: nextDueOn, end: null }], nextDueOn: null };
  const months = PERIOD_MONTHS[period];
  const anchor = opts.anchorDay ?? dayOf(nextDueOn);
  const max = opts.max ?? 240;
  const periods: Period[] = [];
  let start = nextDueOn;
  while (start <= asOf && periods.length < max) {
    const next = addMonthsAnchored(start, months, anchor);
    periods.push({ start, end: addDays(next, -1) });
    start = next;
  }
  return { periods, nextDueOn: start };
}
