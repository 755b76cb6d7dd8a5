import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Reset your password</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Enter your address and we will send a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-center text-sm">
        <Link className="text-brand-600 hover:underline" href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
