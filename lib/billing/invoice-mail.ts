import { render } from "@react-email/render";
import { sql, type SQL } from "drizzle-orm";
import type { Conn } from "@/db";
import { env } from "@/lib/env";
import { invoiceIssuedMail, type InvoiceMailValues } from "@/lib/mail/templates/billing";
import type { MailTemplate } from "@/lib/mail/templates/types";
import { queueAccountingDigest } from "./accounting-digest";
import { formatMoney } from "./money";
import { pgArray } from "./pg-array";

/**
 * "Invoice issued" mails, written to the outbox inside the caller's transaction: one to the client
 * per invoice, and one to the accounting list per batch listing the batch's invoices
 * (accounting-digest.ts).
 *
 * The billing job issues invoices by the thousand, and rendering a React Email template costs
 * milliseconds each. So each template is rendered ONCE with placeholder tokens, and one INSERT …
 * SELECT per batch fills the tokens in from per-invoice value arrays (HTML-escaped for the HTML
 * part, as React escapes). The result is byte for byte what rendering each mail would
 * give (invoice-mail.int.test.ts proves it), at a fraction of the cost.
 */
type Key = keyof InvoiceMailValues;
const KEYS: Key[] = ["number", "clientName", "clientEmail", "description", "amount", "period", "issuedOn", "dueOn", "link"];
const token = (k: Key) => `@@TKN${KEYS.indexOf(k)}@@`;

type Compiled = { subject: string; html: string; text: string };

async function compile(factory: (v: InvoiceMailValues) => MailTemplate): Promise<Compiled> {
  const values = Object.fromEntries(KEYS.map((k) => [k, token(k)])) as InvoiceMailValues;
  const template = factory(values);
  const [html, text] = await Promise.all([render(template.element), render(template.element, { plainText: true })]);
  return { subject: template.subject, html, text };
}

let compiled: Promise<Compiled> | null = null;
function clientTemplate() {
  compiled ??= compile(invoiceIssuedMail);
  return compiled;
}

export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** Whitespace as HTML shows it, so the plain text and the HTML agree whatever a name contains. */
export const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

export type IssuedInvoice = {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  clientEmail: string;
  description: string;
  amountMinor: number;
  currency: string;
  periodStart: string | null;
  periodEnd: string | null;
  issuedOn: string;
  dueOn: string;
};

export function invoiceMailValues(i: IssuedInvoice): InvoiceMailValues {
  return {
    number: i.number,
    clientName: oneLine(i.clientName),
    clientEmail: oneLine(i.clientEmail),
    description: oneLine(i.description),
    amount: formatMoney(i.amountMinor, i.currency),
    period: i.periodStart ? (i.periodEnd ? `${i.periodStart} to ${i.periodEnd}` : `one-time, ${i.periodStart}`) : "—",
    issuedOn: i.issuedOn,
    dueOn: i.dueOn,
    link: `${env.appUrl}/invoices/${i.id}`,
  };
}

/**
 * The template as SQL: its static pieces (parameters) concatenated with the value columns where
 * the tokens were. Concatenation, not replace(): a value that happens to contain a token is
 * never touched again.
 */
function filled(template: string, column: (i: number) => SQL): SQL {
  const pieces = template.split(/@@TKN(\d+)@@/);
  const parts: SQL[] = pieces.map((piece, i) => (i % 2 === 0 ? sql`${piece}::text` : column(Number(piece))));
  // concat(): one allocation per row, where a chain of || would copy the growing text at every step.
  return sql`concat(${sql.join(parts, sql`, `)})`;
}

async function insertFilled(tx: Conn, c: Compiled, type: string, rows: { to: string; recipientId: string | null; values: InvoiceMailValues }[]) {
  // Only the values the template uses, and an HTML-escaped copy only where escaping changes one.
  const used = KEYS.map((k, i) => ({ k, i })).filter(({ k }) => (c.subject + c.html + c.text).includes(token(k)));
  const columns: SQL[] = [];
  const arrays: SQL[] = [];
  const htmlColumn = new Map<number, string>();
  for (const { k, i } of used) {
    const values = rows.map((r) => r.values[k]);
    columns.push(sql.raw(`r${i}`));
    arrays.push(sql`${pgArray(values)}::text[]`);
    const escaped = values.map(escapeHtml);
    if (escaped.some((e, j) => e !== values[j])) {
      columns.push(sql.raw(`h${i}`));
      arrays.push(sql`${pgArray(escaped)}::text[]`);
      htmlColumn.set(i, `v.h${i}`);
    } else htmlColumn.set(i, `v.r${i}`);
  }
  await tx.execute(sql`
    INSERT INTO notifications (channel, type, to_address, recipient_id, subject, html, text)
    SELECT 'email', ${type}, v.to_address, v.recipient_id,
           ${filled(c.subject, (i) => sql.raw(`v.r${i}`))},
           ${filled(c.html, (i) => sql.raw(htmlColumn.get(i)!))},
           ${filled(c.text, (i) => sql.raw(`v.r${i}`))}
    FROM unnest(${pgArray(rows.map((r) => r.to))}::text[], ${pgArray(rows.map((r) => r.recipientId))}::uuid[], ${sql.join(arrays, sql`, `)})
      AS v(to_address, recipient_id, ${sql.join(columns, sql`, `)})`);
}

/** Queues the "invoice issued" mails (each client's, and the accounting list's) in the caller's transaction. */
export async function queueInvoiceMails(tx: Conn, batch: IssuedInvoice[], chunk = 1000) {
  if (batch.length === 0) return;
  const client = await clientTemplate();
  for (let i = 0; i < batch.length; i += chunk) {
    const part = batch.slice(i, i + chunk);
    await insertFilled(tx, client, "invoice.issued", part.map((inv) => ({ to: inv.clientEmail, recipientId: inv.clientId, values: invoiceMailValues(inv) })));
    await queueAccountingDigest(tx, part);
  }
}
