import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { addDays } from "@/lib/billing/dates";
import { today } from "@/lib/billing/invoice-issue";
import { env } from "@/lib/env";
import { CreateInvoiceForm } from "../invoice-forms";

export const metadata: Metadata = { title: "New invoice" };

export default async function NewInvoicePage() {
  await requireActor("invoice.manage");
  return (
    <>
      <PageHeader title="New invoice" description={<Link href="/admin/invoices" className="text-brand-600 hover:underline">← Invoices</Link>} />
      <Card>
        <CreateInvoiceForm dueOn={addDays(today(), env.invoiceDueDays)} />
      </Card>
    </>
  );
}
