"use client";

import { useFieldArray, type Control, type UseFormRegister, type FieldErrors } from "react-hook-form";
import type { z } from "zod";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CHANGE_TYPE_LABELS, CHANGE_TYPES } from "@/lib/change-requests/rules";
import { createChangeSchema, editChangeSchema, ITEM_ACTION_LABELS, ITEM_ACTIONS, LIMITS } from "@/lib/change-requests/schemas";
import type { ActionFn } from "@/lib/errors";
import { PRIORITIES } from "@/lib/tickets/workflow";

type CreateInput = z.input<typeof createChangeSchema>;
type EditInput = z.input<typeof editChangeSchema>;
/** The edit form carries ticketId too (a default value the schema of the edit parses). */
type Values = CreateInput;
type Props = {
  orders: { id: string; label: string }[];
} & (
  | { mode: "create"; action: ActionFn<CreateInput>; initial?: undefined }
  | { mode: "edit"; action: ActionFn<EditInput>; initial: EditInput }
);

const numberOrBlank = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));
const emptyItem = { action: "add" as const, componentType: "", quantity: 1, specifications: [], currentValue: "", requestedValue: "" };

/**
 * The change request form: the same zod schema the server parses. Line items with key–value
 * specification rows; current → requested value for replacements and modifications. A new request
 * is saved as a draft or submitted at once; an edit keeps the status (a rejected one is resubmitted
 * from its page).
 */
export function ChangeForm(props: Props) {
  const schema = props.mode === "edit" ? editChangeSchema : createChangeSchema;
  const { form, onSubmit, message, pending } = useActionForm({
    schema: schema as typeof createChangeSchema,
    defaultValues: (props.initial as unknown as Values) ?? {
      title: "",
      body: "",
      changeType: "component_addition",
      priority: "normal",
      orderId: props.orders[0]?.id ?? "",
      scheduledFor: "",
      implementationPlan: "",
      backoutPlan: "",
      items: [emptyItem],
      submit: false,
    },
    action: (values) => (props.action as ActionFn<Values>)(values as Values),
  });
  const items = useFieldArray({ control: form.control, name: "items" });
  const errors = form.formState.errors;
  const submitWith = (submit: boolean) => () => form.setValue("submit", submit);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <TextField id="title" label="Title" maxLength={200} error={errors.title?.message} {...form.register("title")} />
      <TextAreaField id="body" label="Description" rows={5} hint="What should change, and why." error={errors.body?.message} {...form.register("body")} />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField id="orderId" label="Service" hint="The service instance this change is for." error={errors.orderId?.message} {...form.register("orderId")}>
          {props.orders.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <SelectField id="changeType" label="Kind of change" error={errors.changeType?.message} {...form.register("changeType")}>
          {CHANGE_TYPES.map((t) => (
            <option key={t} value={t}>
              {CHANGE_TYPE_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <SelectField id="priority" label="Priority" error={errors.priority?.message} {...form.register("priority")}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p[0]!.toUpperCase() + p.slice(1)}
            </option>
          ))}
        </SelectField>
        <TextField id="scheduledFor" type="datetime-local" label="Requested window: start (UTC)" error={errors.scheduledFor?.message} {...form.register("scheduledFor")} />
        <TextField
          id="estimatedMinutes"
          type="number"
          min={1}
          label="Estimated minutes"
          error={errors.estimatedMinutes?.message}
          {...form.register("estimatedMinutes", { setValueAs: numberOrBlank })}
        />
      </div>
      <TextAreaField id="implementationPlan" label="Implementation plan" rows={4} error={errors.implementationPlan?.message} {...form.register("implementationPlan")} />
      <TextAreaField id="backoutPlan" label="Backout plan" rows={3} hint="How the change is undone if it fails." error={errors.backoutPlan?.message} {...form.register("backoutPlan")} />

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Line items</legend>
        {errors.items?.message ? <p className="text-sm text-red-700">{errors.items.message}</p> : null}
        {items.fields.map((field, i) => (
          <ItemFields key={field.id} index={i} control={form.control} register={form.register} errors={errors} onRemove={items.fields.length > 1 ? () => items.remove(i) : null} />
        ))}
        {items.fields.length < LIMITS.items ? (
          <Button type="button" variant="secondary" onClick={() => items.append(emptyItem)}>
            Add a line item
          </Button>
        ) : null}
      </fieldset>

      <FormMessage message={message} />
      <div className="flex flex-wrap gap-2">
        {props.mode === "create" ? (
          <>
            <Button type="submit" pending={pending} pendingLabel="Submitting…" onClick={submitWith(true)}>
              Submit for approval
            </Button>
            <Button type="submit" variant="secondary" pending={pending} pendingLabel="Saving…" onClick={submitWith(false)}>
              Save as draft
            </Button>
          </>
        ) : (
          <Button type="submit" pending={pending} pendingLabel="Saving…">
            Save changes
          </Button>
        )}
      </div>
    </form>
  );
}

function ItemFields({
  index,
  control,
  register,
  errors,
  onRemove,
}: {
  index: number;
  control: Control<Values>;
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
  onRemove: (() => void) | null;
}) {
  const specs = useFieldArray({ control, name: `items.${index}.specifications` as "items.0.specifications" });
  const e = errors.items?.[index];
  const id = (name: string) => `items-${index}-${name}`;
  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-4">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-medium text-slate-800">Item {index + 1}</h3>
        {onRemove ? (
          <Button type="button" variant="secondary" onClick={onRemove} aria-label={`Remove item ${index + 1}`}>
            Remove
          </Button>
        ) : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField id={id("action")} label="Action" error={e?.action?.message} {...register(`items.${index}.action`)}>
          {ITEM_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ITEM_ACTION_LABELS[a]}
            </option>
          ))}
        </SelectField>
        <TextField id={id("componentType")} label="Component type" error={e?.componentType?.message} {...register(`items.${index}.componentType`)} />
        <TextField
          id={id("quantity")}
          type="number"
          min={1}
          max={LIMITS.quantity}
          label="Quantity"
          error={e?.quantity?.message}
          {...register(`items.${index}.quantity`, { setValueAs: numberOrBlank })}
        />
        <TextField id={id("currentValue")} label="Current value" hint="Replace and modify only." error={e?.currentValue?.message} {...register(`items.${index}.currentValue`)} />
        <TextField id={id("requestedValue")} label="Requested value" hint="Replace and modify only." error={e?.requestedValue?.message} {...register(`items.${index}.requestedValue`)} />
      </div>
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-800">Specifications</p>
        {e?.specifications?.message ? <p className="text-sm text-red-700">{e.specifications.message}</p> : null}
        {specs.fields.map((spec, j) => (
          <div key={spec.id} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_auto]">
            <TextField id={id(`spec-${j}-key`)} label={`Name ${j + 1}`} error={e?.specifications?.[j]?.key?.message} {...register(`items.${index}.specifications.${j}.key`)} />
            <TextField id={id(`spec-${j}-value`)} label={`Value ${j + 1}`} error={e?.specifications?.[j]?.value?.message} {...register(`items.${index}.specifications.${j}.value`)} />
            <Button type="button" variant="secondary" onClick={() => specs.remove(j)} aria-label={`Remove specification ${j + 1} of item ${index + 1}`}>
              Remove
            </Button>
          </div>
        ))}
        {specs.fields.length < LIMITS.specRows ? (
          <Button type="button" variant="secondary" onClick={() => specs.append({ key: "", value: "" })}>
            Add a specification
          </Button>
        ) : null}
      </div>
    </div>
  );
}
