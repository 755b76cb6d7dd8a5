import { Resend } from "resend";
import { env } from "@/lib/env";

export type OutgoingMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  emailMessageId: string | null;
};

export type Transport = {
  name: string;
  /**
   * The mail leaves the app (a real provider). The stored copy is then no longer the delivery, so the
   * sender redacts single-use links from it once the provider has accepted the mail.
   */
  external: boolean;
  /** Resolves with the provider's id, or throws with a message worth keeping on the row. */
  send(mail: OutgoingMail): Promise<string>;
};

/** Resend, with the outbox row id as the idempotency key: a retry after a timeout never sends twice. */
export function resendTransport(
  apiKey: string,
  opts: { from?: string; baseUrl?: string } = {},
): Transport {
  const from = opts.from ?? env.mailFrom;
  // RESEND_BASE_URL points the SDK at another endpoint (a local fake in tests, a proxy in production).
  const resend = new Resend(apiKey, { baseUrl: opts.baseUrl ?? env.resendBaseUrl });
  return {
    name: "resend",
    external: true,
    async send(mail) {
      const headers: Record<string, string> = {};
      if (mail.emailMessageId) headers["Message-ID"] = `<${mail.emailMessageId}>`;
      const { data, error } = await resend.emails.send(
        { from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? undefined, headers },
        { idempotencyKey: mail.id },
      );
      if (error || !data) throw new Error(error ? `${error.name}: ${error.message}` : "Resend returned no id");
      return data.id;
    },
  };
}

/** Without a Resend key, mail is "delivered" to the built-in mailbox page (the row itself). */
export const mailboxTransport: Transport = {
  name: "mailbox",
  external: false,
  async send(mail) {
    return `mailbox:${mail.id}`;
  },
};

/** Mail is really delivered (Resend is configured); else the built-in mailbox is the delivery. */
export function mailLeavesTheApp(): boolean {
  return Boolean(env.resendApiKey);
}

export function defaultTransport(): Transport {
  return mailLeavesTheApp() ? resendTransport(env.resendApiKey!) : mailboxTransport;
}
