import type { CalendarRange } from "@/lib/change-requests/calendar-range";

const utc = { timeZone: "UTC" } as const;
const dayLong = new Intl.DateTimeFormat("en-GB", { ...utc, weekday: "long", day: "numeric", month: "long" });
const dayShort = new Intl.DateTimeFormat("en-GB", { ...utc, day: "numeric", month: "short", year: "numeric" });
const monthYear = new Intl.DateTimeFormat("en-GB", { ...utc, month: "long", year: "numeric" });
const time = new Intl.DateTimeFormat("en-GB", { ...utc, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const dateTime = new Intl.DateTimeFormat("en-GB", { ...utc, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "Monday 30 November". */
export const dayHeading = (d: Date) => dayLong.format(d);

/** "Week of 30 Nov 2026" or "December 2026". */
export function periodLabel(r: CalendarRange): string {
  return r.view === "week" ? `week of ${dayShort.format(r.start)}` : monthYear.format(r.monthStart);
}

/** A window as read in a day cell: "22:00–23:30", or with dates when it crosses midnight. */
export function windowLabel(start: Date, end: Date): string {
  const sameDay = start.toISOString().slice(0, 10) === new Date(end.getTime() - 1).toISOString().slice(0, 10);
  return sameDay ? `${time.format(start)}–${time.format(end)}` : `${dateTime.format(start)} – ${dateTime.format(end)}`;
}
