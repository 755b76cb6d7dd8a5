import { EmailLayout, P } from "./layout";
import type { MailTemplate } from "./types";

/**
 * Billing mails (SPEC §5: order placed → the orders list and the client; invoice issued → the client
 * and the accounting list). Values arrive formatted (money, dates) so the billing job can render the
 * invoice mails once and fill them in (lib/billing/invoice-mail.ts): keep every value a plain string, and
 * keep values out of the preview (its padding depends on its length).
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
      <EmailLayout preview="Your new invoice: amount, period and due date" heading={`Invoice ${p.number}`} action={{ label: "View and download the invoice", href: p.link }}>
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

export function invoiceIssuedAccountingMail(p: InvoiceMailValues): MailTemplate {
  return {
    subject: `Invoice ${p.number} issued to ${p.clientEmail}`,
    element: (
      <EmailLayout preview="A new invoice was issued" heading={`Invoice ${p.number} issued`} action={{ label: "Open the invoice", href: p.link }}>
        <P>Client: {p.clientName} ({p.clientEmail})</P>
        <P>Service: {p.description}</P>
        <P>Period: {p.period}</P>
        <P>Amount: {p.amount}</P>
        <P>Due on: {p.dueOn}</P>
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
