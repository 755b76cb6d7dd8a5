import Link from "next/link";

/** Any path no route has (also a malformed one, which proxy.ts sends here) and any notFound() no nearer page catches. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="font-mono text-sm text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 text-slate-600">This page could not be found, or it is not one you can see. Check the address.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        Go to the start page
      </Link>
    </main>
  );
}
