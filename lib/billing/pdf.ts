import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { Actor } from "@/lib/auth/actor";
import { getInvoice, type InvoiceDetail } from "./invoice-queries";
import { formatMoney } from "./money";

/**
 * The invoice as a one-page PDF (pdf-lib, standard Helvetica). The standard fonts only encode
 * WinAnsi, so text is reduced to what they can draw instead of failing on a name like "Zoë 李".
 */
const winAnsi = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/[^\x20-\x7e\u00a0-\u00ff€]/g, "?");

function line(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size = 11, color = rgb(0.1, 0.1, 0.12)) {
  page.drawText(winAnsi(text), { x, y, size, font, color });
}

function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    if ((current + " " + word).trim().length > max) {
      if (current) out.push(current);
      current = word;
    } else current = (current + " " + word).trim();
  }
  if (current) out.push(current);
  return out.slice(0, 6);
}

export async function renderInvoicePdf(inv: InvoiceDetail, issuer = "Ticketry"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Invoice ${inv.number ?? "draft"}`);
  doc.setCreator(issuer);
  const page = doc.addPage([595.28, 841.89]); // A4
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const grey = rgb(0.42, 0.45, 0.5);
  let y = 780;
  line(page, bold, issuer, 50, y, 18);
  line(page, bold, inv.status === "draft" ? "DRAFT INVOICE" : "INVOICE", 400, y, 16);
  y -= 22;
  line(page, font, inv.number ?? "not issued yet", 400, y, 11, grey);
  y -= 40;
  line(page, bold, "Billed to", 50, y, 10, grey);
  line(page, bold, "Details", 330, y, 10, grey);
  y -= 16;
  const details: [string, string][] = [
    ["Issued on", inv.issuedOn ?? "-"],
    ["Due on", inv.dueOn ?? "-"],
    ["Status", inv.status === "paid" && inv.paidAt ? `paid on ${inv.paidAt.toISOString().slice(0, 10)}` : inv.status],
  ];
  line(page, font, inv.clientName, 50, y);
  line(page, font, inv.clientEmail, 50, y - 15);
  details.forEach(([k, v], i) => {
    line(page, font, `${k}:`, 330, y - i * 15);
    line(page, font, v, 410, y - i * 15);
  });
  y -= 80;
  page.drawLine({ start: { x: 50, y: y + 14 }, end: { x: 545, y: y + 14 }, thickness: 0.5, color: grey });
  line(page, bold, "Description", 50, y, 10, grey);
  line(page, bold, "Period", 330, y, 10, grey);
  line(page, bold, "Amount", 480, y, 10, grey);
  y -= 18;
  const amount = formatMoney(inv.amountMinor, inv.currency);
  const period = inv.periodStart ? (inv.periodEnd ? `${inv.periodStart} - ${inv.periodEnd}` : `${inv.periodStart} (one-time)`) : "-";
  const lines = wrap(inv.description, 48);
  lines.forEach((l, i) => line(page, font, l, 50, y - i * 14));
  line(page, font, period, 330, y, 10);
  line(page, font, amount, 480, y);
  y -= Math.max(lines.length, 1) * 14 + 16;
  page.drawLine({ start: { x: 50, y: y + 10 }, end: { x: 545, y: y + 10 }, thickness: 0.5, color: grey });
  y -= 8;
  line(page, bold, "Total", 330, y, 12);
  line(page, bold, amount, 480, y, 12);
  line(page, font, "Amounts in " + inv.currency + ". No taxes apply to this invoice.", 50, 60, 9, grey);
  return doc.save();
}

/** The PDF of an invoice the actor may see (anything else is "not found"). */
export async function invoicePdf(actor: Actor, id: string): Promise<{ filename: string; bytes: Uint8Array }> {
  const inv = await getInvoice(actor, id);
  return { filename: `${inv.number ?? `draft-${inv.id.slice(0, 8)}`}.pdf`, bytes: await renderInvoicePdf(inv) };
}
