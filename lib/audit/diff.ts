/**
 * What an audit row keeps of a change: only the fields whose value differs, before and after, as
 * JSON values (a Date becomes its ISO string, undefined becomes null). Pure, so it is unit-tested.
 */
export type Snapshot = Record<string, unknown>;

const json = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
const same = (a: unknown, b: unknown) => JSON.stringify(json(a)) === JSON.stringify(json(b));

function plain(s: Snapshot): Snapshot {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, json(v)]));
}

/**
 * Fields stored only to explain others: `{ currency: ["priceMinor"] }` keeps the currency on both
 * sides whenever the price changed (a reader needs it to show the amount), without counting as a change.
 */
export type AuditContext = Record<string, readonly string[]>;

/**
 * The changed fields of `before` → `after`, plus the context that explains them. A creation (no
 * before) keeps `after` whole, a deletion (no after) `before` whole. Null when nothing changed.
 */
export function changedFields(
  before: Snapshot | null,
  after: Snapshot | null,
  context: AuditContext = {},
): { before: Snapshot | null; after: Snapshot | null } | null {
  if (!before && !after) return null;
  if (!before) return { before: null, after: plain(after!) };
  if (!after) return { before: plain(before), after: null };
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !same(before[k], after[k]));
  if (changed.length === 0) return null;
  const explaining = Object.keys(context).filter((k) => !changed.includes(k) && context[k]!.some((f) => changed.includes(f)));
  const keys = [...changed, ...explaining];
  const pick = (s: Snapshot) => Object.fromEntries(keys.filter((k) => k in s).map((k) => [k, json(s[k])]));
  return { before: pick(before), after: pick(after) };
}
