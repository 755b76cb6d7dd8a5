import { EmailLayout, P } from "./layout";
import type { MailTemplate } from "./types";

/**
 * Billing mails (SPEC §5: order placed → the orders list and the client; invoice issued → the client
 * and the accounting list). Values arrive formatted (money, dates) so the billing job can render the
 * invoice mails once and fill them in (lib/billing/invoice-mail.ts): keep every value a plain string, and
 * keep values out of the preview (its padding depends on its length). The invoice previews are at
 * least 150 characters, so React Email adds no invisible padding (2 KB per mail, 100,000 mails a run).
 */

export function orderPlacedAdminMail(p: {
  clientName: string;
  clientEmail: string;
  serviceName: string;
  instanceName: string;
  price: string;
  comments: string;
  link: string;
}): MailTemplate {
  return {
    subject: `New order to deploy: ${p.serviceName} (${p.instanceName})`,
    element: (
      <EmailLayout preview={`${p.clientName} ordered ${p.serviceName}`} heading="New order to deploy" action={{ label: "Open the order", href: p.link }}>
        <P>
          {p.clientName} ({p.clientEmail}) ordered {p.serviceName}, instance “{p.instanceName}”, at {p.price}.
        </P>
        <P>Deploy it by hand, then activate the order: activation sets the first due date and billing starts.</P>
        {p.comments ? <P>Comments from the client: {p.comments}</P> : null}
      </EmailLayout>
    ),
  };
}

export function orderConfirmationMail(p: { name: string; serviceName: string; instanceName: string; price: string; link: string }): MailTemplate {
  return {
    subject: `We received your order: ${p.serviceName}`,
    element: (
      <EmailLayout preview="Your order is waiting for deployment" heading={`Thank you, ${p.name}`} action={{ label: "See my orders", href: p.link }}>
        <P>
          Your order of {p.serviceName} (“{p.instanceName}”, {p.price}) is pending: our team deploys it and lets you know when it is
          active. Billing starts on activation.
        </P>
      </EmailLayout>
    ),
  };
}

export function orderActivatedMail(p: { name: string; serviceName: string; instanceName: string; firstDueOn: string; link: string }): MailTemplate {
  return {
    subject: `Your service is active: ${p.serviceName}`,
    element: (
      <EmailLayout preview="Your service is ready" heading={`Hello ${p.name}`} action={{ label: "See my orders", href: p.link }}>
        <P>
          {p.serviceName} (“{p.instanceName}”) is now active. The first invoice is due on {p.firstDueOn}.
        </P>
      </EmailLayout>
    ),
  };
}

export type InvoiceMailValues = {
  number: string;
  clientName: string;
  clientEmail: string;
  description: string;
  amount: string;
  period: string;
  issuedOn: string;
  dueOn: string;
  link: string;
};

export function invoiceIssuedMail(p: InvoiceMailValues): MailTemplate {
  return {
    subject: `Invoice ${p.number}`,
    element: (
      <EmailLayout preview="Your new invoice: the service and period it covers, the amount and the date it is due are in this message, with a link to view it and to download it as a PDF." heading={`Invoice ${p.number}`} action={{ label: "View and download the invoice", href: p.link }}>
        <P>Hello {p.clientName}, here is your invoice.</P>
        <P>Service: {p.description}</P>
        <P>Period: {p.period}</P>
        <P>Amount: {p.amount}</P>
        <P>Issued on: {p.issuedOn}</P>
        <P>Due on: {p.dueOn}</P>
      </EmailLayout>
    ),
  };
}

/**
 * To the accounting list: the invoices one billing step issued (one, or a run's batch), one line
 * each, so a run of thousands of invoices is one mail per batch and not thousands.
 */
export type InvoiceDigestValues = { subject: string; count: string; date: string; totals: string; lines: string; link: string };

export function invoicesIssuedAccountingMail(p: InvoiceDigestValues): MailTemplate {
  return {
    subject: p.subject,
    element: (
      <EmailLayout preview="New invoices were issued: each invoice's number, client, amount and due date are listed in this message, with a link to the accounting list of these invoices." heading="Invoices issued" action={{ label: "Open these invoices", href: p.link }}>
        <P>Invoices issued on {p.date}: {p.count}, for {p.totals}.</P>
        <pre style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", fontSize: "12px", lineHeight: "18px", whiteSpace: "pre-wrap" }}>{p.lines}</pre>
      </EmailLayout>
    ),
  };
}

export function invoicePaidMail(p: { number: string; name: string; amount: string; paidOn: string; link: string }): MailTemplate {
  return {
    subject: `Payment received for invoice ${p.number}`,
    element: (
      <EmailLayout preview={`Thank you: ${p.amount} received`} heading="Payment received" action={{ label: "View the invoice", href: p.link }}>
        <P>
          Hello {p.name}, we recorded your payment of {p.amount} for invoice {p.number} on {p.paidOn}. Thank you.
        </P>
      </EmailLayout>
    ),
  };
}
