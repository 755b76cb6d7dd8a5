import { Section, Text } from "@react-email/components";
import { EmailLayout, P } from "./layout";
import type { MailTemplate } from "./types";

/**
 * Change-request mails (SPEC §5: submitted → approvers; approved / rejected → requester; assigned →
 * technician; deployed / completed / rolled back → requester). One shape for every step: what
 * happened, by whom, and the one reason or comment it is about (never the request's discussion).
 */
type Ref = { number: string; title: string; link: string };

export type ChangeMail = Ref & {
  /** "Approved", "Needs your approval" … — the subject's word. */
  event: string;
  name: string;
  /** One sentence: "Mona Manager approved your change request TKT-… ." */
  summary: string;
  /** A reason or comment, quoted. */
  quote?: string | null;
};

export function changeRequestMail(p: ChangeMail): MailTemplate {
  return {
    subject: `[${p.number}] ${p.event}: ${p.title}`,
    element: (
      <EmailLayout preview={p.summary} heading={`Hello ${p.name}`} action={{ label: "Open the change request", href: p.link }}>
        <P>{p.summary}</P>
        {p.quote ? (
          <Section style={{ borderLeft: "3px solid #d1d5db", paddingLeft: "12px", margin: "0 0 16px" }}>
            <Text style={{ fontSize: "15px", lineHeight: "22px", margin: 0, whiteSpace: "pre-wrap" }}>{p.quote}</Text>
          </Section>
        ) : null}
      </EmailLayout>
    ),
  };
}
