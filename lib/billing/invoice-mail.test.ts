import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { invoiceIssuedAccountingMail, invoiceIssuedMail } from "@/lib/mail/templates/billing";
import { invoiceMailRows, invoiceMailValues, type IssuedInvoice } from "./invoice-mail";

const invoice: IssuedInvoice = {
  id: "6f1c2a8e-3b9d-4c1e-9a7f-2d5e8b0c4a11",
  number: "INV-2025-000042",
  clientId: "0b6f2c1d-7e8a-4b3c-9d2e-1f0a9b8c7d6e",
  clientName: `Zoë "Z" O'Brien & <Co>   Ltd`,
  clientEmail: "zoe@example.test",
  description: "VPS <large> — web & mail\nsecond line",
  amountMinor: 123456,
  currency: "EUR",
  periodStart: "2025-01-31",
  periodEnd: "2025-02-27",
  issuedOn: "2025-01-31",
  dueOn: "2025-02-14",
};

describe("invoice mails rendered once and filled in", () => {
  it("gives exactly what rendering each mail would give, escaping included", async () => {
    const [client, accounting] = await invoiceMailRows([invoice]);
    const values = invoiceMailValues(invoice);
    for (const [row, factory] of [
      [client!, invoiceIssuedMail],
      [accounting!, invoiceIssuedAccountingMail],
    ] as const) {
      const template = factory(values);
      expect(row.subject).toBe(template.subject);
      expect(row.html).toBe(await render(template.element));
      expect(row.text).toBe(await render(template.element, { plainText: true }));
    }
    expect(client!.text).toContain("€1,234.56");
    expect(client!.text).toContain("2025-01-31 to 2025-02-27");
    expect(client!.html).toContain("O&#x27;Brien &amp; &lt;Co&gt;");
    expect(client!.html).not.toContain("@@TKN");
    expect(client!.toAddress).toBe("zoe@example.test");
    expect(accounting!.subject).toBe("Invoice INV-2025-000042 issued to zoe@example.test");
  });
});
