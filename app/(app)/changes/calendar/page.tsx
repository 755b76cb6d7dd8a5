import type { Metadata } from "next";
import { z } from "zod";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { listCalendarEntries, listCalendarServices } from "@/lib/change-requests/calendar";
import { CALENDAR_VIEWS, calendarRange, isoDay, parseIsoDay } from "@/lib/change-requests/calendar-range";
import { now as clockNow } from "@/lib/clock";
import { readSearchParams, type SearchParams } from "@/lib/search-params";
import { CalendarMonth } from "./_components/calendar-month";
import { CalendarToolbar } from "./_components/calendar-toolbar";
import { CalendarWeek } from "./_components/calendar-week";
import { periodLabel } from "./_components/labels";

export const metadata: Metadata = { title: "Change calendar" };

// Each parameter on its own: a bad view is a week, a bad date is today (so both bad: this week).
const params = {
  view: z.enum(CALENDAR_VIEWS),
  date: z.string().max(10).refine((s) => parseIsoDay(s) !== null),
  service: z.uuid(),
};

/** The change calendar: approved and in-progress changes by scheduled window, a week or a month, per service. */
export default async function ChangeCalendarPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const sp = readSearchParams(await searchParams, params);
  const now = clockNow();
  const range = calendarRange(sp.view ?? "week", (sp.date && parseIsoDay(sp.date)) || now);
  const [{ entries, truncated }, services] = await Promise.all([
    listCalendarEntries(actor, { start: range.start, end: range.end, serviceId: sp.service }),
    listCalendarServices(actor),
  ]);
  const label = periodLabel(range);
  return (
    <>
      <PageHeader title="Change calendar" description="Approved and in-progress changes by their scheduled window (times in UTC)." />
      <CalendarToolbar range={range} services={services} serviceId={sp.service ?? null} label={label} />
      {truncated ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Showing the first {entries.length} changes of this period: choose a service or a week to see them all.
        </p>
      ) : null}
      {entries.length === 0 ? (
        <EmptyState title={`No approved or in-progress changes in ${range.view === "week" ? "the " : ""}${label}.`}>
          Changes appear here once they are approved and have a requested window{sp.service ? " on the chosen service" : ""}.
        </EmptyState>
      ) : range.view === "week" ? (
        <CalendarWeek range={range} entries={entries} today={isoDay(now)} />
      ) : (
        <CalendarMonth range={range} entries={entries} caption={`Changes in ${label}`} today={isoDay(now)} />
      )}
    </>
  );
}
