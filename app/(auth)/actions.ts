"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { registerClient, resendVerification, verifyEmail } from "@/lib/auth/register";
import { requestPasswordReset, resetPassword } from "@/lib/auth/reset";
import type { MailFormContext } from "@/lib/auth/mail-throttle";
import { signInSchema } from "@/lib/auth/schemas";
import { clientIp } from "@/lib/http/client-ip";
import { mailAfterResponse } from "@/lib/mail/kick";
import { GENERIC_ERROR, toActionError, zodFieldErrors, type ActionResult, type ErrorCode } from "@/lib/errors";

export async function signInAction(input: unknown): Promise<ActionResult<{ code?: string }>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error.issues) };
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      // code = "<AppError code>:<message>" (set in auth.ts)
      const [code, ...rest] = String(error.code).split(":");
      const text = rest.join(":") || "Wrong e-mail address or password.";
      return { ok: false, formError: text, code: code as ErrorCode };
    }
    if (error instanceof AuthError) return { ok: false, formError: GENERIC_ERROR };
    throw error;
  }
  redirect("/");
}

/** The mail forms are throttled per client IP, and mail after the answer so its timing tells nothing. */
async function mailFormContext(label: string): Promise<MailFormContext> {
  return { ip: clientIp(await headers()), defer: mailAfterResponse(label) };
}

export async function registerAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    const data = await registerClient(input, await mailFormContext("register"));
    return { ok: true, data };
  } catch (error) {
    return toActionError(error, "register");
  }
}

export async function verifyEmailAction(token: string): Promise<ActionResult<{ email: string }>> {
  try {
    return { ok: true, data: await verifyEmail(token) };
  } catch (error) {
    return toActionError(error, "verify");
  }
}

export async function resendVerificationAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    const data = await resendVerification(input, await mailFormContext("resend-verification"));
    return { ok: true, data };
  } catch (error) {
    return toActionError(error, "resend-verification");
  }
}

export async function forgotPasswordAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    const data = await requestPasswordReset(input, await mailFormContext("forgot-password"));
    return { ok: true, data };
  } catch (error) {
    return toActionError(error, "forgot-password");
  }
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    return { ok: true, data: await resetPassword(input) };
  } catch (error) {
    return toActionError(error, "reset-password");
  }
}

