/**
 * A new ticket's mails are rendered before its number is taken, with a stand-in, and get the number
 * afterwards (create.ts). They must be exactly what rendering them with the number gives, the way
 * every other mail is rendered: HTML, plain text and subject, byte for byte.
 */
import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/outbox";
import * as mails from "@/lib/mail/templates/tickets";
import type { MailTemplate } from "@/lib/mail/templates/types";
import { renderCreatedMails, ticketLink, withNumber } from "./notify";
import { formatTicketNumber, parseTicketNumber, standInNumber, ticketDay } from "./numbering";

const at = new Date("2025-06-01T10:00:00Z");
const client = { id: "00000000-0000-4000-8000-000000000001", name: "Ann O'Neil <ann>", email: "ann@example.com", active: true };
const department = { name: "Hosting & DNS", inboundAddress: "hosting@example.com" };
// Text that looks like a ticket number, markup and spacing: none of it may be touched.
const ticket = { title: `Printer "blank" <pages> since TKT-${ticketDay(at)}-0001`, body: "Line one\n\n  line two & <b>more</b>", priority: "high" };

const rendered = async (m: MailTemplate) => ({
  subject: m.subject,
  html: await render(m.element),
  text: await render(m.element, { plainText: true }),
  sensitive: m.sensitive ?? false,
});

/** The mails rendered directly with the number, as queueEmail always did. */
async function direct(number: string) {
  const ref = { number, title: ticket.title, link: ticketLink(number) };
  return {
    toClient: await rendered(mails.ticketCreatedMail({ ...ref, name: client.name, email: client.email })),
    toDesk: await rendered(
      mails.ticketCreatedStaffMail({ ...ref, requesterName: client.name, requesterEmail: client.email, department: department.name, priority: ticket.priority, body: ticket.body }),
    ),
  };
}

describe("a new ticket's mails", () => {
  it("rendered with a stand-in and given the number are those rendered with the number", async () => {
    for (const number of [formatTicketNumber(ticketDay(at), 7), formatTicketNumber(ticketDay(at), 12345)]) {
      const m = await withNumber(await renderCreatedMails({ number: standInNumber(at), ...ticket }, client, department), number);
      expect({ toClient: m.toClient, toDesk: m.toDesk }).toEqual(await direct(number));
      expect(m.deskAddress).toBe(department.inboundAddress);
    }
  });

  it("go nowhere for an inactive client, and to the help desk without a department", async () => {
    const m = await renderCreatedMails({ number: standInNumber(at), ...ticket }, { ...client, active: false }, null);
    expect(m.toClient).toBeNull();
    expect(m.deskAddress).toMatch(/@/);
  });
});

describe("the stand-in number", () => {
  it("has the length of the day's numbers but is never one", () => {
    const standIn = standInNumber(at);
    expect(standIn).toHaveLength(formatTicketNumber(ticketDay(at), 1).length);
    expect(standIn.startsWith(`TKT-${ticketDay(at)}-`)).toBe(true);
    expect(parseTicketNumber(standIn)).toBeNull();
  });
});

describe("renderMail", () => {
  it("gives the text render(…, { plainText: true }) gives, from one render", async () => {
    const template = mails.ticketCreatedStaffMail({ number: "TKT-20250601-0001", title: "T", link: "https://x.test/t", requesterName: "A", requesterEmail: "a@x.test", department: null, priority: "low", body: "B\n\nC" });
    expect(await renderMail(template)).toEqual(await rendered(template));
  });
});
