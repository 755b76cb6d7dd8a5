import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PriorityBadge } from "@/components/tickets/badges";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requireActor } from "@/lib/auth/session";
import { getChangeRequest, listTechnicians, type ChangeRequestDetail } from "@/lib/change-requests/queries";
import { CHANGE_STATUS_LABELS, type ChangeStatus } from "@/lib/change-requests/rules";
import { ITEM_ACTION_LABELS } from "@/lib/change-requests/schemas";
import { AppError } from "@/lib/errors";
import { decodePathParam } from "@/lib/search-params";
import { ChangeStatusBadge, changeTypeLabel } from "../_components/change-badges";
import { ChangeSteps } from "../_components/change-steps";
import * as doors from "../actions";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: (decodePathParam(number) ?? "Change request").toUpperCase().slice(0, 40) };
}

async function load(actor: Awaited<ReturnType<typeof requireActor>>, number: string): Promise<ChangeRequestDetail | null> {
  try {
    return await getChangeRequest(actor, number);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

const label = (s: string | null) => (s ? (CHANGE_STATUS_LABELS[s as ChangeStatus] ?? s) : "—");

/** One change request: what, where and when, its items, the conflicts an approver must see, the allowed steps, the history. */
export default async function ChangePage({ params }: Props) {
  const actor = await requireActor();
  const decoded = decodePathParam((await params).number);
  const c = decoded === null ? null : await load(actor, decoded);
  if (!c) notFound();
  const technicians = c.allowed.includes("assign") ? await listTechnicians(actor) : [];
  const actions = {
    submit: doors.submitChangeAction,
    resubmit: doors.resubmitChangeAction,
    cancel: doors.cancelChangeAction,
    approve: doors.approveChangeAction,
    reject: doors.rejectChangeAction,
    assign: doors.assignChangeAction,
    start: doors.startChangeAction,
    deploy: doors.deployChangeAction,
    complete: doors.completeChangeAction,
    rollBack: doors.rollBackChangeAction,
  };
  return (
    <>
      <Link href="/changes" className="text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline">
        ← Change requests
      </Link>
      <header className="mt-3 mb-6">
        <p className="font-mono text-sm text-slate-500">{c.number}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-slate-900">{c.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <ChangeStatusBadge status={c.status} />
          <PriorityBadge priority={c.priority} />
          <span className="text-sm text-slate-600">{changeTypeLabel(c.changeType)}</span>
          {/* Comments, internal notes and attachments live on the shared ticket page (lib/tickets). */}
          <Link href={`/tickets/${c.number}`} className="text-sm font-medium text-brand-700 hover:underline">
            Comments and attachments
          </Link>
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card title="Request">
            <p className="text-sm whitespace-pre-wrap text-slate-800">{c.body}</p>
            {c.implementationPlan ? (
              <>
                <h3 className="mt-4 text-sm font-semibold text-slate-900">Implementation plan</h3>
                <p className="text-sm whitespace-pre-wrap text-slate-800">{c.implementationPlan}</p>
              </>
            ) : null}
            {c.backoutPlan ? (
              <>
                <h3 className="mt-4 text-sm font-semibold text-slate-900">Backout plan</h3>
                <p className="text-sm whitespace-pre-wrap text-slate-800">{c.backoutPlan}</p>
              </>
            ) : null}
          </Card>
          <Card title="Line items">
            <ol className="space-y-3">
              {c.items.map((item) => (
                <li key={item.id} className="text-sm text-slate-800">
                  <span className="font-medium">
                    {ITEM_ACTION_LABELS[item.action]} {item.quantity} × {item.componentType}
                  </span>
                  {item.currentValue || item.requestedValue ? (
                    <span>
                      {" "}
                      — {item.currentValue ?? "—"} → {item.requestedValue ?? "—"}
                    </span>
                  ) : null}
                  {Object.keys(item.specifications).length ? (
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600">
                      {Object.entries(item.specifications).map(([k, v]) => (
                        <div key={k} className="contents">
                          <dt className="font-medium">{k}</dt>
                          <dd>{String(v)}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                  {c.status === "deployed" || c.status === "completed" || c.status === "rolled_back" ? (
                    <p className="mt-1 text-xs text-slate-600">
                      {item.fulfilled ? "Fulfilled" : "Not fulfilled"}
                      {item.notes ? `: ${item.notes}` : ""}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </Card>
          {c.conflicts.length ? (
            <Card title="Conflicting changes" description="Approved or in-progress changes on the same service whose windows overlap this one.">
              <ul className="space-y-1 text-sm">
                {c.conflicts.map((x) => (
                  <li key={x.id}>
                    <Link href={`/changes/${x.number}`} className="font-mono text-brand-700 hover:underline">
                      {x.number}
                    </Link>{" "}
                    {x.title} — {label(x.status)}, {formatDateTime(x.scheduledFor)}
                    {x.estimatedMinutes ? ` for ${x.estimatedMinutes} min` : ""}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {c.allowed.length ? (
            <Card title="Next steps">
              <ChangeSteps
                ticketId={c.id}
                number={c.number}
                allowed={c.allowed}
                actions={actions}
                technicians={technicians}
                items={c.items.map((i) => ({ id: i.id, label: `${ITEM_ACTION_LABELS[i.action]} ${i.quantity} × ${i.componentType}` }))}
              />
            </Card>
          ) : null}
          <Card title="History">
            <ol className="space-y-2 text-sm">
              {c.history.map((h) => (
                <li key={h.id} className="text-slate-700">
                  <span className="text-slate-500">{formatDateTime(h.createdAt)}</span> — {h.actorName ?? "System"}: {h.action.replaceAll("_", " ")}
                  {h.field === "status" ? ` (${label(h.oldValue)} → ${label(h.newValue)})` : h.newValue ? ` (${h.newValue})` : ""}
                  {h.comment ? <span className="block pl-4 whitespace-pre-wrap text-slate-600">“{h.comment}”</span> : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <Card title="Details">
          <dl className="space-y-2 text-sm">
            {[
              ["Service", c.instanceName ?? "—"],
              ["Requested by", c.requesterName],
              ["Window", c.scheduledFor ? `${formatDateTime(c.scheduledFor)}${c.estimatedMinutes ? `, ${c.estimatedMinutes} min` : ""}` : "Not set"],
              ["Approved by", c.approvedByName ? `${c.approvedByName}, ${formatDateTime(c.approvedAt)}` : "—"],
              ["Technician", c.assigneeName ?? "—"],
              ["Rejection reason", c.rejectionReason ?? null],
              ["Deployment notes", c.deploymentNotes ?? null],
              ["Rollback reason", c.rollbackReason ?? null],
            ]
              .filter((row): row is [string, string] => row[1] !== null)
              .map(([k, v]) => (
                <div key={k}>
                  <dt className="font-medium text-slate-900">{k}</dt>
                  <dd className="whitespace-pre-wrap text-slate-700">{v}</dd>
                </div>
              ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
