import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create an account" };

export default function RegisterPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Create an account</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Open tickets, order services and see your invoices. Already registered?{" "}
        <Link className="text-brand-600 hover:underline" href="/sign-in">
          Sign in
        </Link>
      </p>
      <RegisterForm />
    </>
  );
}
