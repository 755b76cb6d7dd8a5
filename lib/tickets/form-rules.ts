/**
 * The rules of the ticket page's small forms (reply, note, won't fix, assign, priority) as plain
 * functions, for the browser: the ticket page is the one staff keep open all day, and zod with
 * react-hook-form was a quarter of its JavaScript. schemas.ts builds its zod schemas from the same
 * limits and messages, the server parses with those, and form-rules.test.ts checks both agree.
 * No imports but the priorities: this file is bundled for the browser.
 */
import { PRIORITIES } from "./workflow";

export const COMMENT_MAX = 20_000;
export const WONT_FIX_MIN = 5;
export const WONT_FIX_MAX = 2_000;

export const RULE_MESSAGES = {
  commentEmpty: "Write a message.",
  commentTooLong: "Use at most 20,000 characters.",
  wontFixShort: "Explain why this will not be fixed (at least 5 characters).",
  wontFixLong: "Use at most 2,000 characters.",
  agent: "Choose an agent.",
  priority: "Choose a priority.",
  visibility: "Choose public reply or internal note.",
} as const;

/** zod's uuid (RFC 9562 versions 1–8, and the nil and max uuids). */
// The server's id check (lib/input.ts UUID_RE), repeated here because lib/input imports zod, which
// the ticket page no longer ships; form-rules.test.ts checks that the two agree.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A message's text: the first problem, or null. Lengths count after trimming, as zod's trim() does. */
export function checkCommentBody(body: string): string | null {
  const text = body.trim();
  if (text.length < 1) return RULE_MESSAGES.commentEmpty;
  if (text.length > COMMENT_MAX) return RULE_MESSAGES.commentTooLong;
  return null;
}

export function checkVisibility(visibility: string): string | null {
  return visibility === "public" || visibility === "internal" ? null : RULE_MESSAGES.visibility;
}

export function checkWontFixReason(reason: string): string | null {
  const text = reason.trim();
  if (text.length < WONT_FIX_MIN) return RULE_MESSAGES.wontFixShort;
  if (text.length > WONT_FIX_MAX) return RULE_MESSAGES.wontFixLong;
  return null;
}

export function checkAssignee(assigneeId: string): string | null {
  return UUID.test(assigneeId) ? null : RULE_MESSAGES.agent;
}

export function checkPriority(priority: string): string | null {
  return (PRIORITIES as readonly string[]).includes(priority) ? null : RULE_MESSAGES.priority;
}
