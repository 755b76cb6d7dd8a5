import Link from "next/link";

export type DeskTab = "mine" | "queue" | "escalated";

/** The desk's views as links (each is its own URL); the current one is marked for assistive tech. `count` is as shown ("12", "1,000+"). */
export function DeskTabs({ tabs, current }: { tabs: { key: DeskTab; label: string; count: string }[]; current: DeskTab }) {
  return (
    <nav aria-label="Desk views" className="border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs.map((t) => {
          const active = t.key === current;
          return (
            <li key={t.key}>
              <Link
                href={`/desk?tab=${t.key}`}
                aria-current={active ? "page" : undefined}
                className={`inline-flex items-center gap-2 border-b-2 px-4 py-2.5 text-sm font-medium ${
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {t.label}
                <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${active ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-700"}`}>
                  {t.count}
                  <span className="sr-only"> tickets</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
