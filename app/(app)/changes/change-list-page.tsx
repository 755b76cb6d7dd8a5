import Link from "next/link";
import { Pager } from "@/components/tickets/pager";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { can, type Actor } from "@/lib/auth/actor";
import { listChangeRequests, type ChangeScope } from "@/lib/change-requests/queries";
import { CHANGE_STATUS_LABELS, CHANGE_STATUSES } from "@/lib/change-requests/rules";
import { ChangeTable } from "./_components/change-table";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 500) : undefined);

const TITLES: Record<ChangeScope, { title: string; description: string; empty: string }> = {
  mine: { title: "My change requests", description: "Changes you asked for on your services, from draft to deployment.", empty: "You have not requested any change yet." },
  approvals: { title: "Approvals", description: "Pending change requests waiting for a decision, oldest first. Your own requests are decided by someone else.", empty: "Nothing is waiting for your approval." },
  assigned: { title: "My changes", description: "Approved changes assigned to you to deploy.", empty: "No change is assigned to you." },
  all: { title: "All change requests", description: "Every change request, newest first.", empty: "No change requests yet." },
};

/** The change-request lists share one page shape: header, tabs the actor may use, a status filter, the table, keyset pages. */
export async function ChangeListPage({ actor, scope, path, searchParams }: { actor: Actor; scope: ChangeScope; path: string; searchParams: Search }) {
  const status = one(searchParams.status);
  const cursor = one(searchParams.cursor);
  const back = one(searchParams.back);
  const page = await listChangeRequests(actor, { scope, status, cursor });
  const t = TITLES[scope];
  const tabs = [
    { href: "/changes", label: "My requests", show: can(actor, "ticket.create") },
    { href: "/changes/approvals", label: "Approvals", show: can(actor, "ticket.approve") },
    { href: "/changes?scope=assigned", label: "My changes", show: can(actor, "ticket.deploy") },
    { href: "/changes?scope=all", label: "All", show: can(actor, "ticket.approve") || can(actor, "ticket.view_all") },
  ].filter((x) => x.show);
  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          can(actor, "ticket.create") ? (
            <Link href="/changes/new" className={buttonClass("primary")}>
              Request a change
            </Link>
          ) : null
        }
      />
      <nav aria-label="Change request lists" className="mb-4 flex flex-wrap gap-2">
        {tabs.map((tab) => (
          <Link key={tab.href} href={tab.href} className={buttonClass("ghost")}>
            {tab.label}
          </Link>
        ))}
      </nav>
      {scope !== "approvals" ? (
        <form action={path} method="get" className="mb-4 flex items-end gap-2">
          {scope !== "mine" ? <input type="hidden" name="scope" value={scope} /> : null}
          <label className="text-sm font-medium text-slate-800">
            Status{" "}
            <select name="status" defaultValue={status ?? ""} className="ml-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm">
              <option value="">Any</option>
              {CHANGE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CHANGE_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
        </form>
      ) : null}
      {page.items.length === 0 ? <EmptyState title={t.empty} /> : <ChangeTable items={page.items} caption={t.title} />}
      <Pager path={path} params={{ scope: scope === "mine" || scope === "approvals" ? undefined : scope, status }} cursor={cursor} back={back} nextCursor={page.nextCursor} />
    </>
  );
}
