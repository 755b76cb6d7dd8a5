import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { resetClock, setClock } from "@/lib/clock";
import type { Defer } from "@/lib/defer";
import { AppError } from "@/lib/errors";
import { createUser, mailsTo } from "@/lib/test/factories";
import { MAIL_FORM_PER_ADDRESS, MAIL_FORM_PER_IP, type MailFormContext } from "./mail-throttle";
import { registerClient, resendVerification, RESENT_MESSAGE, REGISTERED_MESSAGE } from "./register";
import { requestPasswordReset, RESET_REQUESTED_MESSAGE } from "./reset";

const PASSWORD = "a-long-password-1";

/** The three forms that mail an address anybody can type, with what an existing address is for each. */
const forms = [
  {
    form: "register",
    ask: (email: string, ctx: MailFormContext) => registerClient({ name: "Reg", email, password: PASSWORD, confirmPassword: PASSWORD }, ctx),
    message: REGISTERED_MESSAGE,
    existing: (email: string) => createUser("client", { email }),
  },
  {
    form: "resend-verification",
    ask: (email: string, ctx: MailFormContext) => resendVerification({ email }, ctx),
    message: RESENT_MESSAGE,
    existing: (email: string) => createUser("client", { email, verified: false }),
  },
  {
    form: "forgot-password",
    ask: (email: string, ctx: MailFormContext) => requestPasswordReset({ email }, ctx),
    message: RESET_REQUESTED_MESSAGE,
    existing: (email: string) => createUser("client", { email }),
  },
];

/** A Defer that counts the mailings handed to it, and runs them unless told to keep them. */
function counting(opts: { run: boolean } = { run: true }) {
  const kept: Array<() => Promise<void>> = [];
  const defer: Defer = async (work) => {
    kept.push(work);
    if (opts.run) await work();
  };
  return { defer, kept };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const start = new Date("2026-06-01T10:15:00Z");
afterEach(() => resetClock());

describe.each(forms)("$form throttle", ({ form, ask, message, existing }) => {
  it("per address: three mailings an hour, then the same answer with nothing sent, for existing and unknown addresses alike", async () => {
    setClock(() => start);
    const known = `known-${form}@example.test`;
    const unknown = `unknown-${form}@example.test`;
    await existing(known);
    const mailings = { [known]: counting(), [unknown]: counting() };
    const answers: string[] = [];
    for (let i = 0; i < MAIL_FORM_PER_ADDRESS.limit + 2; i++) {
      // A new IP every time: only the per-address limit is in play.
      for (const email of [known, unknown]) {
        answers.push((await ask(email, { ip: `198.51.100.${i}`, defer: mailings[email]!.defer })).message);
      }
    }
    // A "+tag" reaches the same inbox, so it counts with the address.
    answers.push((await ask(known.replace("@", "+again@"), { ip: "198.51.100.99", defer: mailings[known]!.defer })).message);

    expect(new Set(answers)).toEqual(new Set([message]));
    expect(mailings[known]!.kept).toHaveLength(MAIL_FORM_PER_ADDRESS.limit);
    expect(mailings[unknown]!.kept).toHaveLength(MAIL_FORM_PER_ADDRESS.limit);
    expect(await mailsTo(known)).toHaveLength(MAIL_FORM_PER_ADDRESS.limit);
    expect(await mailsTo(known.replace("@", "+again@"))).toHaveLength(0);
    // Registering an unknown address creates it and mails it; the other forms mail nobody.
    expect(await mailsTo(unknown)).toHaveLength(form === "register" ? MAIL_FORM_PER_ADDRESS.limit : 0);

    // The next hour mails again.
    setClock(() => new Date(start.getTime() + 60 * 60_000));
    await ask(known, { ip: "198.51.100.200", defer: mailings[known]!.defer });
    expect(await mailsTo(known)).toHaveLength(MAIL_FORM_PER_ADDRESS.limit + 1);
  });

  it("per IP: twenty an hour, then 'try again' for any address, existing or not, and nothing more is queued", async () => {
    setClock(() => start);
    const ip = "203.0.113.50";
    const known = `ip-known-${form}@example.test`;
    await existing(known);
    const mailings = counting({ run: false });
    for (let i = 0; i < MAIL_FORM_PER_IP.limit; i++) {
      expect((await ask(`walk-${i}-${form}@example.test`, { ip, defer: mailings.defer })).message).toBe(message);
    }
    const forKnown = await refusal(ask(known, { ip, defer: mailings.defer }));
    const forUnknown = await refusal(ask(`walk-next-${form}@example.test`, { ip, defer: mailings.defer }));
    expect(forKnown.code).toBe("throttled");
    expect(forKnown.message).toBe("Too many requests from your network. Try again in 45 minutes.");
    expect(forKnown.retryAfterSeconds).toBe(45 * 60);
    expect(forUnknown.message).toBe(forKnown.message);
    expect(mailings.kept).toHaveLength(MAIL_FORM_PER_IP.limit);
    expect(await mailsTo(known)).toHaveLength(0);

    // Another network is not held back, and invalid input is refused as before, not throttled.
    expect((await ask(known, { ip: "203.0.113.51", defer: mailings.defer })).message).toBe(message);
    expect((await refusal(ask("not-an-address", { ip, defer: mailings.defer }))).code).toBe("invalid");
  });

  it("answers before the address is looked up: nothing is written until the deferred mailing runs", async () => {
    const known = `deferred-${form}@example.test`;
    await existing(known);
    const fresh = `fresh-${form}@example.test`;
    const mailings = counting({ run: false });
    expect((await ask(known, { ip: "192.0.2.1", defer: mailings.defer })).message).toBe(message);
    expect((await ask(fresh, { ip: "192.0.2.1", defer: mailings.defer })).message).toBe(message);
    const db = await getDb();
    expect(await mailsTo(known)).toHaveLength(0);
    expect(await db.select({ id: users.id }).from(users).where(eq(users.email, fresh))).toHaveLength(0);

    for (const work of mailings.kept) await work();
    expect(await mailsTo(known)).toHaveLength(1);
    expect(await mailsTo(fresh)).toHaveLength(form === "register" ? 1 : 0);
  });
});
