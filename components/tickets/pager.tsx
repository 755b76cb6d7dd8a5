import Link from "next/link";

/**
 * Keyset pagination both ways. The server only pages forwards (a cursor = "rows after this one"),
 * so the URL carries the cursors of the pages before this one in `back` (dot-separated; the first
 * page's cursor is the empty string). Older: push the current cursor. Newer: pop it.
 */
const MAX_TRAIL = 20;

export function parseTrail(back: string | undefined): string[] {
  return back === undefined ? [] : back.split(".").slice(-MAX_TRAIL);
}

type Props = {
  path: string;
  /** The current filters (without cursor/back). */
  params: Record<string, string | undefined>;
  cursor?: string;
  back?: string;
  nextCursor: string | null;
  labels?: { newer: string; older: string };
};

export function Pager({ path, params, cursor, back, nextCursor, labels = { newer: "Newer", older: "Older" } }: Props) {
  const trail = parseTrail(back);
  const base = Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  const href = (c: string | undefined, t: string[] | null) => {
    const q = new URLSearchParams(base);
    if (c) q.set("cursor", c);
    if (t && c) q.set("back", t.join("."));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  const newer = cursor ? (trail.length ? href(trail.at(-1) || undefined, trail.slice(0, -1).length ? trail.slice(0, -1) : null) : href(undefined, null)) : null;
  const older = nextCursor ? href(nextCursor, [...trail, cursor ?? ""].slice(-MAX_TRAIL)) : null;
  if (!newer && !older) return null;
  const cls = "rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between">
      {newer ? (
        <Link href={newer} className={cls} rel="prev">
          ← {labels.newer}
        </Link>
      ) : (
        <span />
      )}
      {older ? (
        <Link href={older} className={cls} rel="next">
          {labels.older} →
        </Link>
      ) : null}
    </nav>
  );
}
