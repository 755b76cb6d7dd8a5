/**
 * The change calendar's date math, in UTC (the app shows every date in UTC, so a server render and
 * the reader agree): which days a week or month view covers, and where previous / next lead.
 * Weeks start on Monday (ISO 8601); a month view covers the whole weeks its days fall in.
 */
export const CALENDAR_VIEWS = ["week", "month"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

const DAY_MS = 86_400_000;

export type CalendarRange = {
  view: CalendarView;
  /** The day the view was asked for (YYYY-MM-DD), normalised to the first day of its week or month. */
  anchor: string;
  /** First shown instant (a Monday, 00:00 UTC) and the end, exclusive (a Monday, 00:00 UTC). */
  start: Date;
  end: Date;
  /** Every shown day, 00:00 UTC, in order (7 for a week, 28–42 for a month). */
  days: Date[];
  /** For a month view: the month's own days, as opposed to the neighbours' that fill its weeks. */
  monthStart: Date;
  monthEnd: Date;
  previous: string;
  next: string;
};

/** 00:00 UTC of the day holding `d`. */
export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The Monday, 00:00 UTC, of the ISO week holding `d`. */
export function startOfUtcWeek(d: Date): Date {
  const day = startOfUtcDay(d);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** The first of the month holding `d`, 00:00 UTC. */
export function startOfUtcMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

/** `months` calendar months after `d`'s month (the 1st, 00:00 UTC); Date.UTC carries over the year. */
export function addUtcMonths(d: Date, months: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

export const addUtcDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);

/** YYYY-MM-DD of a UTC day. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Parses YYYY-MM-DD as a UTC day, or null when it is not a real date (2026-02-30 is refused). */
export function parseIsoDay(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return isoDay(d) === s ? d : null;
}

/** The days a view shows around `day` (any instant of it). */
export function calendarRange(view: CalendarView, day: Date): CalendarRange {
  if (view === "week") {
    const start = startOfUtcWeek(day);
    const end = addUtcDays(start, 7);
    return {
      view,
      anchor: isoDay(start),
      start,
      end,
      days: Array.from({ length: 7 }, (_, i) => addUtcDays(start, i)),
      monthStart: start,
      monthEnd: end,
      previous: isoDay(addUtcDays(start, -7)),
      next: isoDay(end),
    };
  }
  const monthStart = startOfUtcMonth(day);
  const monthEnd = addUtcMonths(monthStart, 1);
  const start = startOfUtcWeek(monthStart);
  // The Monday after the month's last day (the month ends on a Sunday: exactly monthEnd).
  const end = addUtcDays(startOfUtcWeek(addUtcDays(monthEnd, -1)), 7);
  const count = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  return {
    view,
    anchor: isoDay(monthStart),
    start,
    end,
    days: Array.from({ length: count }, (_, i) => addUtcDays(start, i)),
    monthStart,
    monthEnd,
    previous: isoDay(addUtcMonths(monthStart, -1)),
    next: isoDay(monthEnd),
  };
}

/**
 * Which entries each shown day holds: every day its window [start, end) touches, so a change
 * running past midnight appears on both days. Days are 00:00 UTC; entries keep their order.
 */
export function entriesByDay<T extends { start: Date; end: Date }>(entries: readonly T[], days: readonly Date[]): T[][] {
  return days.map((day) => {
    const from = day.getTime();
    const to = from + DAY_MS;
    return entries.filter((e) => e.start.getTime() < to && e.end.getTime() > from);
  });
}
