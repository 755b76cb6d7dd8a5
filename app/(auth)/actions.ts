"use server";

import { registerClient, resendVerification, verifyEmail } from "@/lib/auth/register";
import { requestPasswordReset, resetPassword } from "@/lib/auth/reset";
import { emailOnlySchema, registerSchema, resetPasswordSchema, signInSchema, tokenField } from "@/lib/auth/schemas";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { publicAction, redirectTo } from "@/lib/http/action";
import { kickOutbox } from "@/lib/mail/kick";

/** The public auth forms' doors (lib/http/action.ts): no actor; the domain parses and answers the same for every address. */

export const signInAction = publicAction({ name: "sign-in", input: signInSchema }, async (input) => {
  await signInWithPassword(input);
  return redirectTo("/");
});

export const registerAction = publicAction({ name: "register", input: registerSchema }, async (input) => {
  const data = await registerClient(input);
  kickOutbox();
  return data;
});

export const verifyEmailAction = publicAction({ name: "verify", input: tokenField }, (token) => verifyEmail(token));

export const resendVerificationAction = publicAction({ name: "resend-verification", input: emailOnlySchema }, async (input) => {
  const data = await resendVerification(input);
  kickOutbox();
  return data;
});

export const forgotPasswordAction = publicAction({ name: "forgot-password", input: emailOnlySchema }, async (input) => {
  const data = await requestPasswordReset(input);
  kickOutbox();
  return data;
});

export const resetPasswordAction = publicAction({ name: "reset-password", input: resetPasswordSchema }, (input) => resetPassword(input));
