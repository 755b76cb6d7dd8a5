import type { Conn } from "@/db";
import type { Defer } from "@/lib/defer";
import { AppError } from "@/lib/errors";
import { hit, type RateLimit } from "@/lib/rate-limit";

/** The forms that send mail to an address anybody can type. */
export type MailForm = "register" | "resend-verification" | "forgot-password";

/**
 * Per address and form: three mails an hour is more than anyone waiting for a link needs (the earlier
 * ones are in their inbox), and it caps what a stranger can send to somebody else's inbox.
 */
export const MAIL_FORM_PER_ADDRESS: RateLimit = { limit: 3, windowSeconds: 60 * 60 };
/**
 * Per client IP and form: room for an office or a school behind one address registering together,
 * not for a script walking through a list of addresses.
 */
export const MAIL_FORM_PER_IP: RateLimit = { limit: 20, windowSeconds: 60 * 60 };

/**
 * The address as the throttle counts it: lower case (the form already did that) and without a
 * "+tag", which lands in the same inbox.
 */
export function throttleAddress(email: string): string {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at).split("+")[0] || email.slice(0, at);
  return `${local}@${email.slice(at + 1)}`.toLowerCase();
}

/**
 * Counts one request of a mail form before anything looks the address up, so the answer cannot depend
 * on whether the address has an account. Too many from one IP → AppError "throttled" with the wait;
 * too many for one address → false: the caller gives its usual answer and sends nothing.
 */
export async function admitMailForm(conn: Conn, form: MailForm, email: string, ip: string, now: Date): Promise<boolean> {
  const byIp = await hit(conn, `${form}:ip:${ip}`, { ...MAIL_FORM_PER_IP, now });
  if (!byIp.allowed) {
    const minutes = Math.ceil(byIp.retryAfterSeconds / 60);
    throw new AppError(
      "throttled",
      `Too many requests from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      undefined,
      { retryAfterSeconds: byIp.retryAfterSeconds },
    );
  }
  const byAddress = await hit(conn, `${form}:email:${throttleAddress(email)}`, { ...MAIL_FORM_PER_ADDRESS, now });
  return byAddress.allowed;
}

/** What the mail forms need from their door: who asks, and how to run the mailing after the answer. */
export type MailFormContext = { ip: string; defer?: Defer };
