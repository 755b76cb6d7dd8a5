import type { z } from "zod";

/**
 * Keyset pagination cursors: the last row's sort key, base64url-encoded JSON. Opaque to the
 * browser, so anything may come back: a cursor that does not decode, or whose content does not
 * match the list's shape (types, real instants, uuids — lib/input.ts), is null: the first page,
 * never an error and never a value PostgreSQL would refuse.
 */
export function encodeCursor(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<S extends z.ZodType<Record<string, unknown>>>(cursor: string | undefined | null, shape: S): z.output<S> | null {
  if (!cursor || cursor.length > 500 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = shape.safeParse(value);
  return parsed.success ? parsed.data : null;
}
