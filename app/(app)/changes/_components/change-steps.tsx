"use client";

import Link from "next/link";
import type { z } from "zod";
import { CheckboxField, FormMessage, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/tickets/action-button";
import { ConfirmAction } from "@/components/tickets/confirm-action";
import { Button, buttonClass } from "@/components/ui/button";
import type { ChangeAction } from "@/lib/change-requests/rules";
import { approveChangeSchema, assignChangeSchema, deployChangeSchema, rejectChangeSchema, rollBackChangeSchema } from "@/lib/change-requests/schemas";
import type { ActionFn } from "@/lib/errors";

type Ref = { ticketId: string };
export type StepActions = {
  submit: ActionFn<Ref>;
  resubmit: ActionFn<Ref>;
  cancel: ActionFn<z.input<typeof approveChangeSchema>>;
  approve: ActionFn<z.input<typeof approveChangeSchema>>;
  reject: ActionFn<z.input<typeof rejectChangeSchema>>;
  assign: ActionFn<z.input<typeof assignChangeSchema>>;
  start: ActionFn<Ref>;
  deploy: ActionFn<z.input<typeof deployChangeSchema>>;
  complete: ActionFn<z.input<typeof approveChangeSchema>>;
  rollBack: ActionFn<z.input<typeof rollBackChangeSchema>>;
};

type Props = {
  ticketId: string;
  number: string;
  allowed: ChangeAction[];
  actions: StepActions;
  technicians: { id: string; name: string }[];
  items: { id: string; label: string }[];
};

/**
 * The buttons the rules allow on this request (lib/change-requests/rules.ts, evaluated by the page's
 * query): a request one made oneself never shows Approve or Reject. The server checks again.
 */
export function ChangeSteps({ ticketId, number, allowed, actions, technicians, items }: Props) {
  const can = (a: ChangeAction) => allowed.includes(a);
  if (allowed.length === 0) return null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start gap-2">
        {can("edit") ? (
          <Link href={`/changes/${number}/edit`} className={buttonClass("secondary")}>
            Edit
          </Link>
        ) : null}
        {can("submit") ? <ActionButton action={actions.submit} input={{ ticketId }} label="Submit for approval" pendingLabel="Submitting…" variant="primary" /> : null}
        {can("resubmit") ? <ActionButton action={actions.resubmit} input={{ ticketId }} label="Resubmit for approval" pendingLabel="Resubmitting…" variant="primary" /> : null}
        {can("start") ? <ActionButton action={actions.start} input={{ ticketId }} label="Start work" pendingLabel="Starting…" variant="primary" /> : null}
        {can("complete") ? <ActionButton action={actions.complete} input={{ ticketId }} label="Mark completed" pendingLabel="Completing…" variant="primary" /> : null}
        {can("cancel") ? (
          <ConfirmAction
            action={actions.cancel}
            input={{ ticketId }}
            trigger="Cancel request"
            title={`Cancel ${number}?`}
            body="The request is closed for good; it cannot be reopened."
            confirmLabel="Cancel request"
            pendingLabel="Cancelling…"
          />
        ) : null}
      </div>
      {can("approve") ? <DecisionForm ticketId={ticketId} kind="approve" action={actions.approve} /> : null}
      {can("reject") ? <DecisionForm ticketId={ticketId} kind="reject" action={actions.reject} /> : null}
      {can("assign") ? <AssignForm ticketId={ticketId} action={actions.assign} technicians={technicians} /> : null}
      {can("deploy") ? <DeployForm ticketId={ticketId} action={actions.deploy} items={items} /> : null}
      {can("roll_back") ? <DecisionForm ticketId={ticketId} kind="roll_back" action={actions.rollBack} /> : null}
    </div>
  );
}

const DECISIONS = {
  approve: { label: "Approve", pending: "Approving…", field: "comment", fieldLabel: "Comment (optional)", schema: approveChangeSchema, variant: "primary" },
  reject: { label: "Reject", pending: "Rejecting…", field: "reason", fieldLabel: "Reason for rejecting", schema: rejectChangeSchema, variant: "danger" },
  roll_back: { label: "Roll back", pending: "Rolling back…", field: "reason", fieldLabel: "Reason for rolling back", schema: rollBackChangeSchema, variant: "danger" },
} as const;

function DecisionForm({ ticketId, kind, action }: { ticketId: string; kind: keyof typeof DECISIONS; action: ActionFn<never> }) {
  const d = DECISIONS[kind];
  const { form, onSubmit, message, pending } = useActionForm({
    schema: d.schema as typeof rejectChangeSchema,
    defaultValues: { ticketId, [d.field]: "" } as never,
    action: (values) => (action as ActionFn<typeof values>)(values),
  });
  const error = (form.formState.errors as Record<string, { message?: string } | undefined>)[d.field]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" aria-label={d.label}>
      <TextAreaField id={`${kind}-${d.field}`} label={d.fieldLabel} rows={2} error={error} {...form.register(d.field as "reason")} />
      <FormMessage message={message} />
      <Button type="submit" variant={d.variant} pending={pending} pendingLabel={d.pending}>
        {d.label}
      </Button>
    </form>
  );
}

function AssignForm({ ticketId, action, technicians }: { ticketId: string; action: StepActions["assign"]; technicians: Props["technicians"] }) {
  const { form, onSubmit, message, pending } = useActionForm({ schema: assignChangeSchema, defaultValues: { ticketId, technicianId: "" }, action });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" aria-label="Assign a technician">
      <SelectField id="technicianId" label="Technician" error={form.formState.errors.technicianId?.message} {...form.register("technicianId")}>
        <option value="">Choose a technician</option>
        {technicians.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Assigning…">
        Assign
      </Button>
    </form>
  );
}

function DeployForm({ ticketId, action, items }: { ticketId: string; action: StepActions["deploy"]; items: Props["items"] }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: deployChangeSchema,
    defaultValues: { ticketId, notes: "", items: items.map((i) => ({ itemId: i.id, fulfilled: true, note: "" })) },
    action,
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Deploy">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Line items deployed</legend>
        {items.map((item, i) => (
          <div key={item.id} className="grid gap-2 sm:grid-cols-[1fr_2fr]">
            <CheckboxField id={`deploy-${i}-fulfilled`} label={`Fulfilled: ${item.label}`} {...form.register(`items.${i}.fulfilled`)} />
            <TextField id={`deploy-${i}-note`} label={`Note on ${item.label}`} error={errors.items?.[i]?.note?.message} {...form.register(`items.${i}.note`)} />
          </div>
        ))}
      </fieldset>
      <TextAreaField id="deploy-notes" label="Deployment notes" rows={3} error={errors.notes?.message} {...form.register("notes")} />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Mark deployed
      </Button>
    </form>
  );
}
