import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/billing/action-button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requireActor } from "@/lib/auth/session";
import { listInbox } from "@/lib/notifications/queries";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActor();
  const items = await listInbox(actor.id);
  const unread = items.some((i) => !i.readAt);
  return (
    <>
      <PageHeader
        title="Notifications"
        actions={
          unread ? (
            <ActionButton action={markAllReadAction} input={undefined} label="Mark all read" pendingLabel="Marking…" />
          ) : null
        }
      />
      {items.length === 0 ? (
        <EmptyState title="Nothing new">You will see updates to your tickets here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className={`px-4 py-3 ${n.readAt ? "" : "bg-brand-50/60"}`}>
              <div className="flex items-baseline justify-between gap-4">
                {n.link ? (
                  <Link href={n.link} className="font-medium text-slate-900 hover:underline">
                    {n.subject}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{n.subject}</span>
                )}
                <span className="text-xs whitespace-nowrap text-slate-500">{formatDateTime(n.createdAt)}</span>
              </div>
              <p className="mt-0.5 text-sm text-slate-600">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
