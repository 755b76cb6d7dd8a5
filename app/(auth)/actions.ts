"use server";

import { headers } from "next/headers";
import { registerClient, resendVerification, verifyEmail } from "@/lib/auth/register";
import { requestPasswordReset, resetPassword } from "@/lib/auth/reset";
import type { MailFormContext } from "@/lib/auth/mail-throttle";
import { emailOnlySchema, registerSchema, resetPasswordSchema, signInSchema, tokenField } from "@/lib/auth/schemas";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { publicAction, redirectTo } from "@/lib/http/action";
import { clientIp } from "@/lib/http/client-ip";
import { mailAfterResponse } from "@/lib/mail/kick";

/** The public auth forms' doors (lib/http/action.ts): no actor; the domain parses and answers the same for every address. */

export const signInAction = publicAction({ name: "sign-in", input: signInSchema }, async (input) => {
  await signInWithPassword(input);
  return redirectTo("/");
});

/** The mail forms are throttled per client IP, and mail after the answer so its timing tells nothing. */
async function mailFormContext(label: string): Promise<MailFormContext> {
  return { ip: clientIp(await headers()), defer: mailAfterResponse(label) };
}

export const registerAction = publicAction({ name: "register", input: registerSchema }, async (input) =>
  registerClient(input, await mailFormContext("register")),
);

export const verifyEmailAction = publicAction({ name: "verify", input: tokenField }, (token) => verifyEmail(token));

export const resendVerificationAction = publicAction({ name: "resend-verification", input: emailOnlySchema }, async (input) =>
  resendVerification(input, await mailFormContext("resend-verification")),
);

export const forgotPasswordAction = publicAction({ name: "forgot-password", input: emailOnlySchema }, async (input) =>
  requestPasswordReset(input, await mailFormContext("forgot-password")),
);

export const resetPasswordAction = publicAction({ name: "reset-password", input: resetPasswordSchema }, (input) => resetPassword(input));
