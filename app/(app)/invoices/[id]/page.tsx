import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InvoiceStatusBadge } from "@/components/billing/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { seesAllInvoices, seesAnyInvoice } from "@/lib/billing/access";
import { today } from "@/lib/billing/invoice-issue";
import { formatMoney } from "@/lib/billing/money";
import { getInvoice } from "@/lib/billing/queries";
import { AppError } from "@/lib/errors";
import { InvoiceHistory } from "./invoice-history";
import { MarkPaidForm, MarkUnpaidForm } from "./status-forms";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!seesAnyInvoice(actor)) notFound();
  const { id } = await params;
  const inv = await getInvoice(actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const staff = seesAllInvoices(actor);
  const facts: [string, React.ReactNode][] = [
    ...(staff ? ([["Client", `${inv.clientName} <${inv.clientEmail}>`]] as [string, string][]) : []),
    ["Description", inv.description],
    ["Period", inv.periodStart ? (inv.periodEnd ? `${inv.periodStart} – ${inv.periodEnd}` : `one-time, ${inv.periodStart}`) : "—"],
    ["Amount", <span key="a" className="font-semibold tabular-nums">{formatMoney(inv.amountMinor, inv.currency)}</span>],
    ["Issued on", inv.issuedOn ?? "not issued yet"],
    ["Due on", inv.dueOn ?? "—"],
    ["Paid", inv.paidAt ? `${formatDateTime(inv.paidAt)}${inv.paidByName ? `, recorded by ${inv.paidByName}` : ""}` : "—"],
  ];
  if (inv.orderId) {
    // Link the order where the reader may open it: admins' order page, the client's own, else plain text.
    const href = can(actor, "order.manage") ? `/admin/orders/${inv.orderId}` : inv.clientId === actor.id ? `/orders/${inv.orderId}` : null;
    const label = `${inv.serviceName}: ${inv.instanceName}`;
    facts.push(["Order", href ? <Link key="o" className="text-brand-600 hover:underline" href={href}>{label}</Link> : label]);
  }
  const back = can(actor, "invoice.view_own") ? "/invoices" : can(actor, "invoice.manage") ? "/admin/invoices" : "/accounting";
  return (
    <>
      <PageHeader
        title={inv.number ? `Invoice ${inv.number}` : "Draft invoice"}
        description={<Link href={back} className="text-brand-600 hover:underline">← Invoices</Link>}
        actions={
          <div className="flex items-center gap-3">
            <InvoiceStatusBadge status={inv.status} overdue={inv.overdue} />
            {inv.status !== "draft" ? <a className={buttonClass("secondary")} href={`/api/invoices/${inv.id}/pdf`}>Download PDF</a> : null}
            {can(actor, "invoice.manage") ? <Link className={buttonClass("secondary")} href={`/admin/invoices/${inv.id}`}>Manage</Link> : null}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card title="Details">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">{k}</dt>
                <dd className="whitespace-pre-wrap text-slate-900">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {can(actor, "invoice.set_status") && (inv.status === "unpaid" || inv.status === "paid") ? (
          <Card title="Payment" description={inv.status === "unpaid" ? "Record the payment when it arrives." : "Undo a payment recorded by mistake (or a payment that bounced)."}>
            {inv.status === "unpaid" ? <MarkPaidForm invoiceId={inv.id} today={today()} /> : <MarkUnpaidForm invoiceId={inv.id} />}
          </Card>
        ) : null}
      </div>
      {staff ? (
        <div className="mt-6">
          <Card title="History">
            <InvoiceHistory events={inv.events} />
          </Card>
        </div>
      ) : null}
    </>
  );
}
