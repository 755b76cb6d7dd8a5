import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { homeFor } from "@/lib/auth/permissions";
import { countPendingApprovals } from "@/lib/change-requests/queries";
import { countUnread } from "@/lib/notifications/queries";
import { navFor } from "./nav-items";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export async function Header({ actor }: { actor: Actor }) {
  const [unread, approvals] = await Promise.all([countUnread(actor.id), countPendingApprovals(actor)]);
  // The approvals queue carries its count (requests waiting for this approver's decision).
  const label = (href: string, text: string) => (href === "/changes/approvals" && approvals ? `${text} (${approvals})` : text);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href={homeFor(actor.role)} className="text-lg font-bold tracking-tight text-slate-900">
          Ticket<span className="text-brand-600">ry</span>
        </Link>
        <nav aria-label="Main" className="flex-1">
          <NavLinks items={navFor(actor).map((item) => ({ href: item.href, label: label(item.href, item.label) }))} />
        </nav>
        <div className="flex items-center gap-2">
          <Link
            href="/notifications"
            className="relative rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
            aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
          >
            <BellIcon />
            {unread ? (
              <span className="absolute -top-1 -right-1 min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs font-semibold text-white" data-testid="unread-count">
                {unread > 99 ? "99+" : unread}
              </span>
            ) : null}
          </Link>
          <Link href="/account" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
            <span className="sr-only">Account: </span>
            {actor.name}
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M15 17h5l-1.4-1.4A2 2 0 0 1 18 14.2V11a6 6 0 1 0-12 0v3.2a2 2 0 0 1-.6 1.4L4 17h5m6 0a3 3 0 1 1-6 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
