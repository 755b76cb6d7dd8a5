/**
 * What a page says after an action redirected to it (`?notice=…`). Only these keys render text, so
 * a hand-made URL cannot put words on the page; numbers and counts are validated before use.
 */
export const NOTICES = {
  created: "Your ticket {number} has been created. We sent you a confirmation e-mail and will get back to you soon.",
  created_files_failed:
    "Your ticket {number} has been created, but some files could not be attached. Send them with a reply below.",
  taken: "You took this ticket. It is now in progress and assigned to you.",
  escalated: "Ticket {number} was escalated: it is now in the second-line queue.",
  closed: "The ticket is closed. The client was e-mailed and may reopen it within an hour.",
  reopened: "You reopened this ticket. The team has been told.",
  assigned: "The ticket has been reassigned.",
  priority: "The priority has been changed.",
  wont_fix: "The ticket is closed as won't fix. The client was e-mailed the reason.",
  deleted: "Ticket {number} was deleted.",
  deassigned: "{count} returned to the queue.",
} as const;

export type Notice = keyof typeof NOTICES;

const NUMBER_RE = /^TKT-\d{8}-\d{4,}$/;

export function noticeText(notice: string | undefined, vars: { number?: string; count?: string }): string | null {
  if (!notice || !(notice in NOTICES)) return null;
  const number = vars.number && NUMBER_RE.test(vars.number) ? vars.number : "";
  const n = Number(vars.count);
  const count = Number.isSafeInteger(n) && n >= 0 ? (n === 0 ? "No tickets were in progress; none" : n === 1 ? "1 ticket" : `${n} tickets`) : "The tickets";
  return NOTICES[notice as Notice].replace("{number}", number).replace("{count}", count).replace(/\s+/g, " ");
}
