import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { CalendarRange, CalendarView } from "@/lib/change-requests/calendar-range";

type Props = { range: CalendarRange; services: { id: string; name: string }[]; serviceId: string | null; label: string };

/** Previous / today / next, week or month, and the service filter: plain links and a GET form. */
export function CalendarToolbar({ range, services, serviceId, label }: Props) {
  const href = (p: { view?: CalendarView; date?: string | null }) => {
    const q = new URLSearchParams();
    const view = p.view ?? range.view;
    if (view !== "week") q.set("view", view);
    if (p.date) q.set("date", p.date);
    if (serviceId) q.set("service", serviceId);
    const s = q.toString();
    return s ? `/changes/calendar?${s}` : "/changes/calendar";
  };
  const unit = range.view === "week" ? "week" : "month";
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
      <nav aria-label="Calendar period" className="flex flex-wrap items-center gap-2">
        <Link href={href({ date: range.previous })} className={buttonClass("secondary")}>
          <span aria-hidden="true">←</span> Previous {unit}
        </Link>
        <Link href={href({ date: null })} className={buttonClass("ghost")}>
          This {unit}
        </Link>
        <Link href={href({ date: range.next })} className={buttonClass("secondary")}>
          Next {unit} <span aria-hidden="true">→</span>
        </Link>
        <p className="ml-2 text-base font-semibold text-slate-900 first-letter:uppercase" aria-live="polite">
          {label}
        </p>
      </nav>
      <div className="flex flex-wrap items-end gap-3">
        <nav aria-label="Calendar view" className="flex gap-1">
          {(["week", "month"] as const).map((v) => (
            <Link key={v} href={href({ view: v, date: range.anchor })} aria-current={range.view === v ? "page" : undefined} className={buttonClass(range.view === v ? "primary" : "secondary")}>
              {v === "week" ? "Week" : "Month"}
            </Link>
          ))}
        </nav>
        <form action="/changes/calendar" method="get" className="flex items-end gap-2">
          {range.view !== "week" ? <input type="hidden" name="view" value={range.view} /> : null}
          <input type="hidden" name="date" value={range.anchor} />
          <label className="text-sm font-medium text-slate-800">
            Service{" "}
            <select name="service" defaultValue={serviceId ?? ""} className="ml-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm">
              <option value="">All services</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
        </form>
      </div>
    </div>
  );
}
