import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import type { Conn } from "@/db";
import { notifications } from "@/db/schema";
import { env } from "@/lib/env";
import { invoiceIssuedAccountingMail, invoiceIssuedMail, type InvoiceMailValues } from "@/lib/mail/templates/billing";
import type { MailTemplate } from "@/lib/mail/templates/types";
import { formatMoney } from "./money";

/**
 * The billing job issues invoices by the thousand, and rendering a React Email template costs
 * milliseconds. So each invoice template is rendered ONCE with placeholder tokens and then filled in
* per invoice (HTML-escaped for the HTML part, as React would), which gives the same bytes as a
 * render (lib/billing/invoice-mail.test.ts proves it). The rows go into the same outbox table as
 * queueEmail's, inside the caller's transaction, with one multi-row insert.
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

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** Whitespace as HTML shows it: plain text and HTML agree, whatever a name or description contains. */
export const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function fill(c: Compiled, v: InvoiceMailValues) {
  let { subject, html, text } = c;
  for (const k of KEYS) {
    const t = token(k);
    const value = oneLine(v[k]);
    subject = subject.split(t).join(value);
    html = html.split(t).join(escapeHtml(value));
    text = text.split(t).join(value);
  }
  return { subject, html, text };
}

let compiled: Promise<[Compiled, Compiled]> | null = null;
function templates() {
  compiled ??= Promise.all([compile(invoiceIssuedMail), compile(invoiceIssuedAccountingMail)]);
  return compiled;
}

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
    clientEmail: i.clientEmail,
    description: oneLine(i.description),
    amount: formatMoney(i.amountMinor, i.currency),
    period: i.periodStart ? (i.periodEnd ? `${i.periodStart} to ${i.periodEnd}` : `one-time, ${i.periodStart}`) : "—",
    issuedOn: i.issuedOn,
    dueOn: i.dueOn,
    link: `${env.appUrl}/invoices/${i.id}`,
  };
}

/** Rendered invoice mails for a batch of invoices, as values for one multi-row insert. */
export async function invoiceMailRows(batch: IssuedInvoice[]) {
  const [client, accounting] = await templates();
  const rows: (typeof notifications.$inferInsert)[] = [];
  for (const i of batch) {
    const values = invoiceMailValues(i);
    rows.push({ id: randomUUID(), channel: "email", type: "invoice.issued", toAddress: i.clientEmail, recipientId: i.clientId, ...fill(client, values) });
    rows.push({ id: randomUUID(), channel: "email", type: "invoice.issued_accounting", toAddress: env.accountingEmail, recipientId: null, ...fill(accounting, values) });
  }
  return rows;
}

/** Queues the "invoice issued" mails (client and accounting list) in the caller's transaction. */
export async function queueInvoiceMails(tx: Conn, batch: IssuedInvoice[], chunk = 1000) {
  const rows = await invoiceMailRows(batch);
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(notifications).values(rows.slice(i, i + chunk));
}
