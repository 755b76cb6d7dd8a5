import Link from "next/link";

export default function TicketNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="font-mono text-sm text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Ticket not found</h1>
      <p className="mt-2 text-slate-600">There is no such ticket, or it is not one you can see. Check the number, or find it in your list.</p>
      <Link href="/tickets" className="mt-6 inline-block font-medium text-brand-700 underline">
        Go to tickets
      </Link>
    </div>
  );
}
