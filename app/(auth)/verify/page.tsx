import type { Metadata } from "next";
import { ResendVerificationForm, VerifyButton } from "./verify-forms";

export const metadata: Metadata = { title: "Confirm your address" };

/**
 * The link in the mail opens this page; confirming takes a click (a POST), so mail scanners that
 * prefetch links cannot spend the single-use token.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-xl font-semibold">Confirm your e-mail address</h1>
      {token ? (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-600">One click and your account is ready.</p>
          <VerifyButton token={token} />
        </>
      ) : (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-600">Lost the link, or did it expire? We will send a new one.</p>
          <ResendVerificationForm />
        </>
      )}
    </>
  );
}
