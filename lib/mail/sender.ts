import { sql } from "drizzle-orm";
import { getDb, rawRows, type Db } from "@/db";
import { now as clockNow } from "@/lib/clock";
import { redactLinks } from "./redact";
import { defaultTransport, type OutgoingMail, type Transport } from "./transport";

export const MAX_ATTEMPTS = 8;
/** Mails one claim takes at most. */
const BATCH = 50;
/** How long a claimed row is reserved for the sender that claimed it (if that process dies, another retries). */
const LEASE_SECONDS = 300;

/** Exponential back-off: 1, 2, 4, 8 … minutes, capped at 6 hours. */
export function backoffSeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60);
}

type Claimed = OutgoingMail & { attempts: number; sensitive: boolean };

/**
 * Claims due e-mail rows with FOR UPDATE SKIP LOCKED and leases them (next_attempt_at moves into the
 * future) in one statement, so concurrent senders on any number of instances never claim one row twice.
 */
async function claim(db: Db, limit: number, at: Date): Promise<Claimed[]> {
  const rows = await rawRows<{
    id: string;
    to_address: string;
    subject: string;
    text: string;
    html: string | null;
    email_message_id: string | null;
    attempts: number;
    sensitive: boolean;
  }>(
    db,
    sql`UPDATE notifications n
        SET attempts = n.attempts + 1,
            next_attempt_at = ${at.toISOString()}::timestamptz + make_interval(secs => ${LEASE_SECONDS})
        WHERE n.id IN (
          SELECT id FROM notifications
          WHERE channel = 'email' AND status = 'pending' AND next_attempt_at <= ${at.toISOString()}::timestamptz
          ORDER BY next_attempt_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING n.id, n.to_address, n.subject, n.text, n.html, n.email_message_id, n.attempts, n.sensitive`,
  );
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text,
    html: r.html,
    emailMessageId: r.email_message_id,
    attempts: r.attempts,
    sensitive: r.sensitive,
  }));
}

/** The SET clause that replaces a sensitive row's bodies with their redacted copies. */
function withoutLinks(mail: Claimed) {
  return sql`, text = ${redactLinks(mail.text)}, html = ${mail.html === null ? null : redactLinks(mail.html)}`;
}

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

export async function deliverDueEmails(
  opts: { limit?: number; transport?: Transport; now?: Date } = {},
): Promise<DeliveryReport> {
  const db = await getDb();
  const transport = opts.transport ?? defaultTransport();
  const at = opts.now ?? clockNow();
  const batch = await claim(db, opts.limit ?? BATCH, at);
  const report: DeliveryReport = { claimed: batch.length, sent: 0, retrying: 0, failed: 0 };
  for (const mail of batch) {
    // Once the mail has left the app (or never will), its stored copy keeps no usable link.
    const redacted = mail.sensitive && transport.external ? withoutLinks(mail) : sql``;
    try {
      const providerId = await transport.send(mail);
      await db.execute(
        sql`UPDATE notifications SET status = 'sent', sent_at = now(), provider_id = ${providerId}, error = NULL${redacted}
            WHERE id = ${mail.id}`,
      );
      report.sent++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const final = mail.attempts >= MAX_ATTEMPTS;
      await db.execute(
        sql`UPDATE notifications
            SET status = ${final ? "failed" : "pending"}::notification_status,
                error = ${message},
                next_attempt_at = ${at.toISOString()}::timestamptz + make_interval(secs => ${backoffSeconds(mail.attempts)})${final ? redacted : sql``}
            WHERE id = ${mail.id}`,
      );
      if (final) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

/** Drains everything due now (used after a request and by the cron route); bounded so it cannot spin. */
export async function drainOutbox(opts: { transport?: Transport; maxBatches?: number } = {}) {
  const total: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  for (let i = 0; i < (opts.maxBatches ?? 10); i++) {
    const r = await deliverDueEmails({ transport: opts.transport });
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.retrying += r.retrying;
    total.failed += r.failed;
    // A batch short of the limit took everything due (SKIP LOCKED passes over rows only while
    // another sender is claiming them): no need to ask again. After a request that queued two
    // mails, that saves the second, empty claim.
    if (r.claimed < BATCH) break;
  }
  return total;
}
