import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      {token ? (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-600">Setting it signs you out on every other device.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-600">
          This page needs the link from your e-mail.{" "}
          <Link className="text-brand-600 hover:underline" href="/forgot-password">
            Ask for a new link
          </Link>
        </p>
      )}
    </>
  );
}
