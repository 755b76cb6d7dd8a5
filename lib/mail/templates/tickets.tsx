import { Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { EmailLayout, P } from "./layout";
import type { MailTemplate } from "./types";

/**
 * Support ticket mails (SPEC §5). Subjects carry the number in brackets, so a reply whose headers
 * were lost still finds its ticket. Only public text ever goes into a client's mail: callers pass
 * the one public comment or reason the mail is about, never a thread.
 */
type Ref = { number: string; title: string; link: string };

const subject = (t: Ref, what: string) => `[${t.number}] ${what}: ${t.title}`;
const REPLY_HINT = "You can answer by replying to this e-mail or on the ticket page.";

function Quote({ children }: { children: ReactNode }) {
  return (
    <Section style={{ borderLeft: "3px solid #d1d5db", paddingLeft: "12px", margin: "0 0 16px" }}>
      <Text style={{ fontSize: "15px", lineHeight: "22px", margin: 0, whiteSpace: "pre-wrap" }}>{children}</Text>
    </Section>
  );
}

const open = (t: Ref) => ({ label: "Open the ticket", href: t.link });

/** The automatic reply to the client (seed 003): "thank you …, your ticket TKT-… has been created". */
export function ticketCreatedMail(p: Ref & { name: string; email: string }): MailTemplate {
  return {
    subject: subject(p, "We received your request"),
    element: (
      <EmailLayout preview={`Your ticket ${p.number} has been created`} heading={`Thank you, ${p.name}`} action={open(p)}>
        <P>Thank you {p.email}, your ticket {p.number} has been created successfully.</P>
        <P>We will answer as soon as possible. {REPLY_HINT}</P>
      </EmailLayout>
    ),
  };
}

/** To the department's list or the help-desk address: a new ticket is waiting in the queue. */
export function ticketCreatedStaffMail(
  p: Ref & { requesterName: string; requesterEmail: string; department: string | null; priority: string; body: string },
): MailTemplate {
  return {
    subject: subject(p, "New ticket"),
    element: (
      <EmailLayout preview={`New ${p.priority} ticket from ${p.requesterName}`} heading={`New ticket ${p.number}`} action={open(p)}>
        <P>
          {p.requesterName} ({p.requesterEmail}) opened a {p.priority}-priority ticket
          {p.department ? ` for ${p.department}` : ""}: {p.title}
        </P>
        <Quote>{p.body}</Quote>
      </EmailLayout>
    ),
  };
}

/** A public agent comment, to the client. */
export function ticketReplyMail(p: Ref & { name: string; authorName: string; body: string }): MailTemplate {
  return {
    subject: subject(p, "New reply"),
    element: (
      <EmailLayout preview={`${p.authorName} answered your ticket`} heading={`Hello ${p.name}`} action={open(p)}>
        <P>{p.authorName} answered your ticket {p.number}:</P>
        <Quote>{p.body}</Quote>
        <P>{REPLY_HINT}</P>
      </EmailLayout>
    ),
  };
}

/** The client answered a ticket that was waiting for them: to the assignee. */
export function ticketClientReplyMail(p: Ref & { name: string; clientName: string; body: string }): MailTemplate {
  return {
    subject: subject(p, "The client replied"),
    element: (
      <EmailLayout preview={`${p.clientName} replied`} heading={`Hello ${p.name}`} action={open(p)}>
        <P>{p.clientName} replied to {p.number}; the ticket is back in progress:</P>
        <Quote>{p.body}</Quote>
      </EmailLayout>
    ),
  };
}

/** Someone else assigned a ticket to the recipient. */
export function ticketAssignedMail(p: Ref & { name: string; byName: string; priority: string }): MailTemplate {
  return {
    subject: subject(p, "Assigned to you"),
    element: (
      <EmailLayout preview={`${p.byName} assigned ${p.number} to you`} heading={`Hello ${p.name}`} action={open(p)}>
        <P>
          {p.byName} assigned the {p.priority}-priority ticket {p.number} to you: {p.title}
        </P>
      </EmailLayout>
    ),
  };
}

/** Any other status change the client should know about (taken, escalated, reopened, edited). */
export function ticketStatusMail(p: Ref & { name: string; statusLabel: string; note: string }): MailTemplate {
  return {
    subject: subject(p, p.statusLabel),
    element: (
      <EmailLayout preview={`Your ticket is now: ${p.statusLabel}`} heading={`Hello ${p.name}`} action={open(p)}>
        <P>
          The status of your ticket {p.number} is now: {p.statusLabel}.
        </P>
        <P>{p.note}</P>
      </EmailLayout>
    ),
  };
}

export function ticketClosedMail(p: Ref & { name: string; reopenUntil: string }): MailTemplate {
  return {
    subject: subject(p, "Closed"),
    element: (
      <EmailLayout preview={`Your ticket ${p.number} was closed`} heading={`Hello ${p.name}`} action={open(p)}>
        <P>Your ticket {p.number} has been closed. The explanation is on the ticket page.</P>
        <P>If the problem is not solved, you can reopen the ticket until {p.reopenUntil}; after that, please open a new one.</P>
      </EmailLayout>
    ),
  };
}

export function ticketWontFixMail(p: Ref & { name: string; reason: string }): MailTemplate {
  return {
    subject: subject(p, "Closed: won't fix"),
    element: (
      <EmailLayout preview={`Your ticket ${p.number} was closed`} heading={`Hello ${p.name}`} action={open(p)}>
        <P>Your ticket {p.number} has been closed and will not be fixed, for this reason:</P>
        <Quote>{p.reason}</Quote>
        <P>This ticket cannot be reopened. If you need more help, please open a new ticket.</P>
      </EmailLayout>
    ),
  };
}
