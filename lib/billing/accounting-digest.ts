import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import type { Conn } from "@/db";
import { notifications } from "@/db/schema";
import { env } from "@/lib/env";
import { invoicesIssuedAccountingMail, type InvoiceDigestValues } from "@/lib/mail/templates/billing";
import { escapeHtml, oneLine, type IssuedInvoice } from "./invoice-mail";
import { formatMoney } from "./money";

/**
 * The accounting list's mail for a batch of issued invoices: one line per invoice, totals per
 * currency, a link to exactly those invoices. Rendered once with tokens and filled in per batch
 * (a batch's mail is ~100 KB; rendering it through React and html-to-text each time cost more than
 * the batch's invoices). accounting-digest.int.test.ts checks the result equals a real render.
 */
const KEYS: (keyof InvoiceDigestValues)[] = ["subject", "count", "date", "totals", "lines", "link"];
const token = (k: keyof InvoiceDigestValues) => `@@DGT${KEYS.indexOf(k)}@@`;

let compiled: Promise<{ subject: string; html: string; text: string }> | null = null;
function template() {
  compiled ??= (async () => {
    const t = invoicesIssuedAccountingMail(Object.fromEntries(KEYS.map((k) => [k, token(k)])) as InvoiceDigestValues);
    const [html, text] = await Promise.all([render(t.element), render(t.element, { plainText: true })]);
    return { subject: t.subject, html, text };
  })();
  return compiled;
}

export function digestValues(batch: IssuedInvoice[]): InvoiceDigestValues {
  const first = batch[0]!;
  const sums = new Map<string, number>();
  for (const i of batch) sums.set(i.currency, (sums.get(i.currency) ?? 0) + i.amountMinor);
  const dates = [...new Set(batch.map((i) => i.issuedOn))].sort();
  const numbers = batch.map((i) => i.number).sort();
  const params = new URLSearchParams({ from: dates[0]!, to: dates.at(-1)! });
  if (batch.length === 1) params.set("client", first.clientEmail);
  return {
    subject: batch.length === 1 ? `Invoice ${first.number} issued to ${first.clientEmail}` : `${batch.length} invoices issued (${numbers[0]} to ${numbers.at(-1)})`,
    count: batch.length.toLocaleString("en"),
    date: dates.join(", "),
    totals: [...sums].map(([currency, minor]) => formatMoney(minor, currency)).join(" + "),
    lines: batch
      .map((i) => `${i.number}  ${formatMoney(i.amountMinor, i.currency).padStart(12)}  due ${i.dueOn}  ${oneLine(i.clientName)} <${oneLine(i.clientEmail)}>  ${oneLine(i.description)}`)
      .join("\n"),
    link: `${env.appUrl}/accounting?${params}`,
  };
}

/** Splits at the tokens and joins with the values: a value that contains a token stays as it is. */
function fill(text: string, values: InvoiceDigestValues, escape: (s: string) => string) {
  return text
    .split(/@@DGT(\d+)@@/)
    .map((piece, i) => (i % 2 === 0 ? piece : escape(values[KEYS[Number(piece)]!])))
    .join("");
}

export async function accountingDigestMail(batch: IssuedInvoice[]) {
  const t = await template();
  const values = digestValues(batch);
  const same = (s: string) => s;
  return { subject: fill(t.subject, values, same), html: fill(t.html, values, escapeHtml), text: fill(t.text, values, same) };
}

/** Queues the batch's mail to the accounting list in the caller's transaction. */
export async function queueAccountingDigest(tx: Conn, batch: IssuedInvoice[]) {
  if (batch.length === 0) return;
  const mail = await accountingDigestMail(batch);
  await tx.insert(notifications).values({ id: randomUUID(), channel: "email", type: "invoice.issued_accounting", toAddress: env.accountingEmail, ...mail });
}
