import { formatDateTime } from "@/components/ui/format";
import type { AuditRecord } from "@/lib/audit/queries";

/**
 * An entity's audit records, newest first: who, when (and from where), and each shown field from →
 * to. `fields` names the fields to show and how to print them; others (ids, context) stay in the
 * log but not on the page. `format` gets the value and a reader of the same side of the record, so
 * a price can be printed in the currency stored beside it.
 */
export type AuditField = { label: string; format?: (value: unknown, side: (field: string) => unknown) => string };

const MAX = 160;

function print(field: AuditField, value: unknown, side: (f: string) => unknown): string {
  if (field.format) return field.format(value, side);
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

export function AuditHistory({
  records,
  fields,
  actions,
  empty,
}: {
  records: AuditRecord[];
  fields: Record<string, AuditField>;
  /** "activated" → "Activated"; an unknown action is shown as it is stored. */
  actions: Record<string, string>;
  empty: string;
}) {
  if (records.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-3 text-sm" aria-label="History">
      {records.map((r) => {
        const side = (which: "before" | "after") => (f: string) => r.changes.find((c) => c.field === f)?.[which] ?? null;
        const shown = r.changes.filter((c) => fields[c.field] && (r.action === "created" ? c.after !== null : JSON.stringify(c.before) !== JSON.stringify(c.after)));
        return (
          <li key={r.id} className="border-l-2 border-slate-200 pl-3">
            <p className="text-slate-900">
              <span className="font-medium">{actions[r.action] ?? r.action}</span>
              {r.actorName ? ` by ${r.actorName}` : ""} <span className="text-slate-500">· {formatDateTime(r.createdAt)}</span>
              {r.ip ? <span className="text-slate-400"> · {r.ip}</span> : null}
            </p>
            {r.action === "deleted" ? null : (
              <ul className="mt-0.5 space-y-0.5 text-xs text-slate-600">
                {shown.map((c) => {
                  const f = fields[c.field]!;
                  return (
                    <li key={c.field} className="break-words">
                      <span className="text-slate-500">{f.label}:</span>{" "}
                      {r.action === "created" ? print(f, c.after, side("after")) : `${print(f, c.before, side("before"))} → ${print(f, c.after, side("after"))}`}
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
