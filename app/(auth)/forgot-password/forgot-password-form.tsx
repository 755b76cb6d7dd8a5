"use client";

import { forgotPasswordAction } from "../actions";
import { EmailLinkForm } from "../email-link-form";

export function ForgotPasswordForm() {
  return <EmailLinkForm action={forgotPasswordAction} submitLabel="Send the reset link" />;
}
