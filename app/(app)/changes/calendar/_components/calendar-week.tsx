import type { CalendarEntry as Entry } from "@/lib/change-requests/calendar";
import { entriesByDay, isoDay, type CalendarRange } from "@/lib/change-requests/calendar-range";
import { CalendarEntry } from "./calendar-entry";
import { dayHeading } from "./labels";

/** A week as a list of days, each a heading and its changes (a screen reader walks it in order). */
export function CalendarWeek({ range, entries, today }: { range: CalendarRange; entries: Entry[]; today: string }) {
  const buckets = entriesByDay(entries, range.days);
  return (
    <ol className="grid gap-3 md:grid-cols-7">
      {range.days.map((day, i) => {
        const id = `day-${isoDay(day)}`;
        const items = buckets[i]!;
        return (
          <li key={id} aria-current={isoDay(day) === today ? "date" : undefined} className={`min-w-0 rounded-lg border p-2 ${isoDay(day) === today ? "border-brand-600 bg-white" : "border-slate-200 bg-slate-50"}`}>
            <h2 id={id} className="mb-2 text-sm font-semibold text-slate-900">
              <time dateTime={isoDay(day)}>{dayHeading(day)}</time>
            </h2>
            {items.length === 0 ? (
              <p className="text-xs text-slate-500">No changes</p>
            ) : (
              <ul className="space-y-2">
                {items.map((e) => (
                  <CalendarEntry key={e.id} entry={e} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
