import type { CalendarEntry as Entry } from "@/lib/change-requests/calendar";
import { entriesByDay, isoDay, type CalendarRange } from "@/lib/change-requests/calendar-range";
import { CalendarEntry } from "./calendar-entry";
import { dayHeading } from "./labels";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A month as a real table: weekday column headers, a row per week, each day cell headed by its date. */
export function CalendarMonth({ range, entries, caption, today }: { range: CalendarRange; entries: Entry[]; caption: string; today: string }) {
  const buckets = entriesByDay(entries, range.days);
  const weeks = Array.from({ length: range.days.length / 7 }, (_, w) => range.days.slice(w * 7, w * 7 + 7));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[56rem] table-fixed border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" className="px-2 py-2">
                <abbr title={d} className="no-underline">{d.slice(0, 3)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={isoDay(week[0]!)} className="align-top">
              {week.map((day) => {
                const i = range.days.indexOf(day);
                const items = buckets[i]!;
                const inMonth = day >= range.monthStart && day < range.monthEnd;
                return (
                  <td
                    key={isoDay(day)}
                    aria-current={isoDay(day) === today ? "date" : undefined}
                    className={`h-28 border p-1.5 ${isoDay(day) === today ? "border-brand-600" : "border-slate-100"} ${inMonth ? "" : "bg-slate-50"}`}
                  >
                    <h2 className={`mb-1 text-xs font-semibold ${inMonth ? "text-slate-900" : "text-slate-500"}`}>
                      <time dateTime={isoDay(day)}>
                        <span aria-hidden="true">{day.getUTCDate()}</span>
                        <span className="sr-only">{dayHeading(day)}</span>
                      </time>
                    </h2>
                    {items.length > 0 ? (
                      <ul className="space-y-1">
                        {items.map((e) => (
                          <CalendarEntry key={e.id} entry={e} compact />
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
