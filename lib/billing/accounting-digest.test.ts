import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { invoicesIssuedAccountingMail } from "@/lib/mail/templates/billing";
import { accountingDigestMail, digestValues } from "./accounting-digest";
import type { IssuedInvoice } from "./invoice-mail";

const base: IssuedInvoice = {
  id: "6f1c2a8e-3b9d-4c1e-9a7f-2d5e8b0c4a11",
  number: "INV-2025-000007",
  clientId: "0b6f2c1d-7e8a-4b3c-9d2e-1f0a9b8c7d6e",
  clientName: `Zoë "Z" O'Brien & <Co>`,
  clientEmail: "zoe@example.test",
  description: "VPS  <large>\n@@DGT0@@",
  amountMinor: 1999,
  currency: "EUR",
  periodStart: "2025-03-01",
  periodEnd: "2025-03-31",
  issuedOn: "2025-03-01",
  dueOn: "2025-03-15",
};

describe("the accounting digest, rendered once and filled in", () => {
  it("equals a real render, one line per invoice, totals per currency", async () => {
    const batch = [base, { ...base, number: "INV-2025-000008", amountMinor: 500, currency: "JPY", clientName: "Bo" }, { ...base, number: "INV-2025-000009", amountMinor: 1 }];
    const mail = await accountingDigestMail(batch);
    const template = invoicesIssuedAccountingMail(digestValues(batch));
    expect(mail.subject).toBe("3 invoices issued (INV-2025-000007 to INV-2025-000009)");
    expect(mail.html).toBe(await render(template.element));
    expect(mail.text).toBe(await render(template.element, { plainText: true }));
    const lines = mail.text.split("\n").filter((l) => l.startsWith("INV-"));
    expect(lines).toEqual([
      `INV-2025-000007        €19.99  due 2025-03-15  Zoë "Z" O'Brien & <Co> <zoe@example.test>  VPS <large> @@DGT0@@`,
      `INV-2025-000008        JP¥500  due 2025-03-15  Bo <zoe@example.test>  VPS <large> @@DGT0@@`,
      `INV-2025-000009         €0.01  due 2025-03-15  Zoë "Z" O'Brien & <Co> <zoe@example.test>  VPS <large> @@DGT0@@`,
    ]);
    expect(mail.text).toContain("for €20.00 + JP¥500");
    expect(mail.text).toContain("/accounting?from=2025-03-01&to=2025-03-01");
  });

  it("names the invoice and links to its client for a batch of one", async () => {
    const mail = await accountingDigestMail([base]);
    expect(mail.subject).toBe("Invoice INV-2025-000007 issued to zoe@example.test");
    expect(mail.text).toContain("client=zoe%40example.test");
  });
});
