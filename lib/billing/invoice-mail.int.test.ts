import { render } from "@react-email/render";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { notifications } from "@/db/schema";
import { env } from "@/lib/env";
import { invoiceIssuedMail } from "@/lib/mail/templates/billing";
import { createUser } from "@/lib/test/factories";
import { invoiceMailValues, queueInvoiceMails, type IssuedInvoice } from "./invoice-mail";

describe("invoice mails rendered once and filled in by the database", () => {
  it("are byte for byte what rendering each mail gives, escaping included", async () => {
    const client = await createUser("client");
    const tricky: IssuedInvoice = {
      id: "6f1c2a8e-3b9d-4c1e-9a7f-2d5e8b0c4a11",
      number: "INV-2025-000042",
      clientId: client.id,
      clientName: `Zoë "Z" O'Brien & <Co>   Ltd \\ {x}`,
      clientEmail: client.email,
      description: "VPS <large> — web & mail\nsecond line, @@TKN5@@ @@TKN3@@ $1 %s",
      amountMinor: 123456,
      currency: "EUR",
      periodStart: "2025-01-31",
      periodEnd: "2025-02-27",
      issuedOn: "2025-01-31",
      dueOn: "2025-02-14",
    };
    const plain: IssuedInvoice = { ...tricky, id: "0d3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", number: "INV-2025-000043", clientName: "Bo", periodEnd: null, amountMinor: 5 };
    const db = await getDb();
    await db.transaction((tx) => queueInvoiceMails(tx, [tricky, plain]));

    for (const inv of [tricky, plain]) {
      const values = invoiceMailValues(inv);
      const rows = await db.select().from(notifications).where(eq(notifications.subject, `Invoice ${inv.number}`));
      expect(rows).toHaveLength(1);
      const template = invoiceIssuedMail(values);
      expect(rows[0]).toMatchObject({ channel: "email", type: "invoice.issued", toAddress: client.email, recipientId: client.id, status: "pending" });
      expect(rows[0]!.html).toBe(await render(template.element));
      expect(rows[0]!.text).toBe(await render(template.element, { plainText: true }));
    }
    const accounting = await db.select().from(notifications).where(eq(notifications.toAddress, env.accountingEmail));
    expect(accounting).toHaveLength(1);
    expect(accounting[0]).toMatchObject({ type: "invoice.issued_accounting", subject: "2 invoices issued (INV-2025-000042 to INV-2025-000043)" });
    const lines = accounting[0]!.text.split("\n");
    expect(lines.find((l) => l.startsWith("INV-2025-000042"))).toMatch(/€1,234\.56 {2}due 2025-02-14 {2}Zoë "Z" O'Brien & <Co> Ltd \\ \{x\} </);
    expect(lines.find((l) => l.startsWith("INV-2025-000043"))).toMatch(/€0\.05 {2}due 2025-02-14 {2}Bo </);
    expect(accounting[0]!.text).toContain("for €1,234.61");

    const [first] = await db.select().from(notifications).where(eq(notifications.subject, "Invoice INV-2025-000042"));
    expect(first!.text).toContain("€1,234.56");
    expect(first!.text).toContain("2025-01-31 to 2025-02-27");
    expect(first!.html).toContain("O&#x27;Brien &amp; &lt;Co&gt;");
    expect(first!.text).toContain("@@TKN5@@ @@TKN3@@ $1 %s"); // a value that looks like a token stays as typed
  });
});
