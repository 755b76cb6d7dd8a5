import "server-only";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { notifications } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { cursorParam, isSafeText, isUuid, searchText, timeIdCursor } from "@/lib/input";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { redactLinks } from "./redact";
import { mailLeavesTheApp } from "./transport";

const PAGE = 50;

/** The mailbox's URL parameters (readSearchParams drops what these refuse). */
export const mailboxParams = { to: searchText(254), cursor: cursorParam };

/** The built-in mailbox: every e-mail the app produced, newest first, keyset-paginated. */
export async function listMailbox(actor: Actor, opts: { cursor?: string; to?: string } = {}) {
  assertCan(actor, "mail.view");
  const db = await getDb();
  const after = decodeCursor(opts.cursor, timeIdCursor);
  const to = opts.to?.trim().slice(0, 254);
  const rows = await db
    .select({
      id: notifications.id,
      to: notifications.toAddress,
      subject: notifications.subject,
      type: notifications.type,
      status: notifications.status,
      attempts: notifications.attempts,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.channel, "email"),
        // A recipient with control characters matches no address (and is never sent to the database).
        to ? (isSafeText(to) ? eq(sql`lower(${notifications.toAddress})`, to.toLowerCase()) : sql`false`) : undefined,
        after
          ? or(
              lt(notifications.createdAt, new Date(after.t)),
              and(eq(notifications.createdAt, new Date(after.t)), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE + 1);
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > PAGE && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

export async function getMail(actor: Actor, id: string) {
  assertCan(actor, "mail.view");
  if (!isUuid(id)) throw notFound("That e-mail");
  const db = await getDb();
  const [row] = await db
    .select({
      id: notifications.id,
      to: notifications.toAddress,
      subject: notifications.subject,
      text: notifications.text,
      html: notifications.html,
      status: notifications.status,
      attempts: notifications.attempts,
      error: notifications.error,
      providerId: notifications.providerId,
      createdAt: notifications.createdAt,
      sentAt: notifications.sentAt,
      sensitive: notifications.sensitive,
    })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.channel, "email")));
  if (!row) throw notFound("That e-mail");
  // When mail really leaves the app, a single-use link belongs to its recipient alone: hidden here even
  // before the sender has redacted the row. Without Resend this page is the delivery, so it shows it.
  const { sensitive, ...mail } = row;
  if (!sensitive || !mailLeavesTheApp()) return { ...mail, linksHidden: false };
  return { ...mail, text: redactLinks(mail.text), html: mail.html === null ? null : redactLinks(mail.html), linksHidden: true };
}
