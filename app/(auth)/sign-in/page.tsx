import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const actor = await getActor();
  if (actor) redirect(homeFor(actor.role));
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Welcome back. Sign in to follow your tickets, services and invoices.</p>
      <SignInForm />
    </>
  );
}
