import type { z } from "zod";
import { replaceUnsafe } from "./input";

/** What a page gets as searchParams: a repeated parameter (?q=a&q=b) is an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The first value of a parameter: a repeated one keeps its first, never an array where a string was
 * meant. Control characters become U+FFFD, as a browser shows them: the page echoes values into
 * its search box and links, and a NUL in the HTML breaks the page in the browser. (Such a value
 * matches nothing: no stored text holds U+FFFD in its place.)
 */
export const firstValue = (v: string | string[] | undefined): string | undefined => {
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : replaceUnsafe(first);
};

/**
 * A list page's URL → its filters, one field at a time: each parameter's first value is parsed by
 * its own schema and a value it refuses is dropped (show everything) instead of becoming an error
 * page. People type URLs; the list's domain function parses the result again, strictly.
 */
export function readSearchParams<T extends Record<string, z.ZodType>>(sp: SearchParams, shape: T): { [K in keyof T]?: z.output<T[K]> } {
  const out: { [K in keyof T]?: z.output<T[K]> } = {};
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    const raw = firstValue(sp[key]);
    if (raw === undefined) continue;
    const parsed = shape[key]!.safeParse(raw);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data as z.output<T[typeof key]>;
  }
  return out;
}

/**
 * A dynamic path segment as the page receives it (still percent-encoded), decoded; null when the
 * escapes are malformed ("/tickets/%E0%A4%A"), which a page answers with its 404.
 */
export function decodePathParam(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
