import { z } from "zod";
import { AppError, zodFieldErrors } from "./errors";

/**
 * The one way text, dates and ids are declared in a schema (lib/<area>/schemas.ts and every other
 * z.object). Hostile input must end as a field error at the door, never as a database error deep
 * down: PostgreSQL refuses NUL in text, a year 0000 date, an impossible timestamp or a malformed
 * uuid, and the write (or the search) would fail with a 500. Domain-level: no next/* here.
 */

/** C0 controls but tab, LF and CR; DEL; C1 controls. NUL is refused by PostgreSQL; the rest are never meant. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Half of a UTF-16 pair on its own: not encodable as UTF-8, it would silently become U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LINE_BREAK = /[\r\n]/;

export const CONTROL_CHARS_MESSAGE = "Remove the invisible control characters (such as NUL) from this text.";
export const LINE_BREAK_MESSAGE = "Keep this to one line.";

/** True when the text can be stored as typed: no control characters (but tab, LF, CR) and no lone surrogates. */
export function isSafeText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

const UNSAFE_ALL = new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`, "g");

/** The text with each control character and lone surrogate replaced by U+FFFD (as a browser shows them). */
export function replaceUnsafe(value: string): string {
  return value.replace(UNSAFE_ALL, "\uFFFD");
}

/**
 * Multi-line text (a ticket body, a reply, a reason): trimmed, and refused with a field error when
 * it holds control characters. Chain .min/.max with the field's own messages.
 */
export function safeText(typeMessage?: string) {
  return z.string(typeMessage).trim().refine(isSafeText, CONTROL_CHARS_MESSAGE);
}

/** One-line text (a title, a name, an instance name): safeText without line breaks. */
export function safeLine(typeMessage?: string) {
  return safeText(typeMessage).refine((v) => !LINE_BREAK.test(v), LINE_BREAK_MESSAGE);
}

/**
 * Text typed into a search box or a list filter: trimmed and capped, never an error (a URL is
 * typed by people). Stored text has no control characters, so a search holding them matches
 * nothing: list queries check `isSafeText(q)` and add a false condition instead of sending it.
 */
export function searchText(max: number, message = `Search for at most ${max} characters.`) {
  return z.string().trim().max(max, message);
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
export const DATE_RANGE_MESSAGE = `Enter a date between the years ${MIN_YEAR} and ${MAX_YEAR}.`;

const yearOf = (iso: string) => Number(iso.slice(0, 4));
const inYearRange = (iso: string) => yearOf(iso) >= MIN_YEAR && yearOf(iso) <= MAX_YEAR;

/**
 * A calendar date "YYYY-MM-DD" (z.iso.date checks months and leap days) within a sane range:
 * PostgreSQL refuses year 0000 and a five-digit year is never meant.
 */
export function safeDate(message: string) {
  return z.iso.date(message).refine(inYearRange, DATE_RANGE_MESSAGE);
}

/** A timestamp in a cursor ("2025-01-31T12:00:00.123456Z"): a real instant in the same range. */
export const cursorTime = z.iso.datetime().refine(inYearRange);

export function isSafeDate(value: string): boolean {
  return safeDate("").safeParse(value).success;
}

/**
 * Any uuid PostgreSQL accepts in its canonical form. Ids from URLs and forms are checked before
 * they reach SQL: a malformed one is "not found" (or a field error), never a cast error.
 */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID_RE.test(value);

/** A uuid field with the field's own message ("Choose a department."). */
export function uuid(message: string) {
  return z.string(message).regex(UUID_RE, message);
}

/** The raw `cursor` search parameter: opaque, bounded. Its content is checked by decodeCursor's shape. */
export const cursorParam = z.string().max(500);

/**
 * Parses input with its .strict() schema, or throws AppError("invalid") with one message per field
 * (the first); unknown keys are one form message. Every domain function parses through this.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = zodFieldErrors(parsed.error.issues);
  const onlyForm = fieldErrors._form !== undefined && Object.keys(fieldErrors).length === 1;
  throw new AppError("invalid", onlyForm ? fieldErrors._form! : "Check the highlighted fields.", fieldErrors);
}

/** One field's error, for checks a schema cannot make (an unknown client, a taken name). */
export function fieldError(field: string, message: string): AppError {
  return new AppError("invalid", message, { [field]: message });
}

/** The cursor of a list ordered by a timestamp, then the id (orders, the mailbox). */
export const timeIdCursor = z.object({ t: cursorTime, id: z.string().regex(UUID_RE) });
