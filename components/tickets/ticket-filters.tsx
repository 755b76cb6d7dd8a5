import Link from "next/link";
import type { Option } from "@/lib/tickets/options";
import { STATUS_LABELS } from "@/lib/tickets/workflow";
import { PRIORITY_LABELS } from "./badges";

export type FilterValues = { q?: string; status?: string; priority?: string; departmentId?: string; assigneeId?: string; sort?: string };

type Props = {
  action: string;
  values: FilterValues;
  /** Which selects to show. */
  show: { status?: boolean; priority?: boolean; department?: boolean; assignee?: boolean; sort?: boolean };
  departments?: Option[];
  assignees?: Option[];
  /** Kept across submissions (e.g. the desk's tab). */
  hidden?: Record<string, string>;
  searchLabel?: string;
};

const SORT_OPTIONS = [
  { id: "activity", name: "Recent activity" },
  { id: "priority", name: "Priority, oldest first" },
  { id: "newest", name: "Newest first" },
  { id: "oldest", name: "Oldest first" },
  { id: "relevance", name: "Best match (search)" },
];

const STATUS_OPTIONS = [
  ["", "Any status"],
  ["active", "Active (not closed)"],
  ...Object.entries(STATUS_LABELS),
  ["done", "Closed or won't fix"],
] as const;

const selectClass = "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-600";
const labelClass = "mb-1 block text-xs font-medium text-slate-600";

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and works without JavaScript. */
export function TicketFilters({ action, values, show, departments = [], assignees = [], hidden = {}, searchLabel = "Search tickets" }: Props) {
  const { sort: _sort, ...filters } = values;
  const active = Object.values(filters).some(Boolean);
  const selects = [
    show.status ? <Select key="status" id="filter-status" name="status" label="Status" value={values.status} options={STATUS_OPTIONS.map(([id, name]) => ({ id, name }))} /> : null,
    show.priority ? (
      <Select
        key="priority"
        id="filter-priority"
        name="priority"
        label="Priority"
        value={values.priority}
        options={[{ id: "", name: "Any priority" }, ...Object.entries(PRIORITY_LABELS).map(([id, name]) => ({ id, name }))]}
      />
    ) : null,
    show.department ? (
      <Select key="department" id="filter-department" name="departmentId" label="Department" value={values.departmentId} options={[{ id: "", name: "All departments" }, ...departments]} />
    ) : null,
    show.assignee ? (
      <Select
        key="assignee"
        id="filter-assignee"
        name="assigneeId"
        label="Assignee"
        value={values.assigneeId}
        options={[{ id: "", name: "Anyone" }, { id: "none", name: "Unassigned" }, ...assignees]}
      />
    ) : null,
    show.sort ? <Select key="sort" id="filter-sort" name="sort" label="Sort by" value={values.sort} options={SORT_OPTIONS} /> : null,
  ].filter(Boolean);
  return (
    <form role="search" aria-label="Filter tickets" action={action} className="mb-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-end gap-3">
        <div className={selects.length > 2 ? "basis-full" : "min-w-48 flex-1"}>
          <label htmlFor="filter-q" className={labelClass}>
            {searchLabel}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={values.q} placeholder="Words, or a ticket number like TKT-20250101-0007" className={selectClass} />
        </div>
        {selects}
        <div className="flex items-center gap-2">
          <button type="submit" className="rounded-md bg-slate-800 px-3.5 py-2 text-sm font-semibold whitespace-nowrap text-white shadow-sm hover:bg-slate-900">
            Apply filters
          </button>
          {active ? (
            <Link href={`${action}${Object.keys(hidden).length ? `?${new URLSearchParams(hidden)}` : ""}`} className="rounded-md px-2 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline">
              Clear
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}

function Select({ id, name, label, value, options }: { id: string; name: string; label: string; value?: string; options: { id: string; name: string }[] }) {
  return (
    <div className="max-w-60 min-w-36 flex-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClass}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
