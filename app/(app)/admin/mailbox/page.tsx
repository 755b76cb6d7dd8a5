import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requireActor } from "@/lib/auth/session";
import { listMailbox, mailboxParams } from "@/lib/mail/queries";
import { readSearchParams, type SearchParams } from "@/lib/search-params";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("mail.view");
  const { cursor, to } = readSearchParams(await searchParams, mailboxParams);
  const { rows, nextCursor } = await listMailbox(actor, { cursor, to });
  return (
    <>
      <PageHeader
        title="Mailbox"
        description={
          env.resendApiKey
            ? "Every e-mail the app produced. Delivery goes through Resend; the status shows how each one went."
            : "Every e-mail the app produced. No RESEND_API_KEY is set, so mail is delivered here instead of being sent."
        }
      />
      <form className="mb-4 flex gap-2" role="search">
        <label htmlFor="to" className="sr-only">
          Recipient
        </label>
        <input id="to" name="to" defaultValue={to} placeholder="Filter by recipient address" className="w-72 rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        <button className="rounded-md bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50">Filter</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="No e-mail yet">Mail appears here when someone registers, resets a password or a ticket changes.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">Subject</th>
                <th scope="col" className="px-4 py-2">To</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">Created</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((m) => (
                <tr key={m.id}>
                  <td className="px-4 py-2">
                    <Link href={`/admin/mailbox/${m.id}`} className="font-medium text-brand-600 hover:underline">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="px-4 py-2 text-slate-700">{m.to}</td>
                  <td className="px-4 py-2">
                    <Badge tone={m.status === "sent" ? "green" : m.status === "failed" ? "red" : "amber"}>{m.status}</Badge>
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap text-slate-500">{formatDateTime(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? (
        <Link className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline" href={`/admin/mailbox?${new URLSearchParams({ cursor: nextCursor, ...(to ? { to } : {}) })}`}>
          Older mail →
        </Link>
      ) : null}
    </>
  );
}
