"use client";

import { useRouter } from "next/navigation";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Uploader } from "@/components/attachments/uploader";
import { Button } from "@/components/ui/button";
import type { UploaderConfig } from "@/lib/attachments/types";
import type { ActionFn } from "@/lib/errors";
import { createTicketSchema, type CreateTicketInput } from "@/lib/tickets/schemas";
import { PRIORITIES } from "@/lib/tickets/workflow";
import { PRIORITY_LABELS } from "./badges";
import { setNoticeFromBrowser } from "./notice-cookie";
import { useStagedFiles } from "./use-staged-files";

type Option = { id: string; name: string };
type Props = {
  action: ActionFn<CreateTicketInput, { number: string }>;
  uploader: UploaderConfig;
  departments: Option[];
  orders: { id: string; label: string }[];
  projects: (Option & { tasks: Option[] })[];
};

const PRIORITY_HINTS: Record<string, string> = {
  low: "Low — a question, no hurry",
  normal: "Normal — something is broken",
  high: "High — it blocks my work",
  critical: "Critical — a service is down",
};

/**
 * Opening a ticket: the same zod schema the server parses. Files wait in the uploader until the
 * ticket exists, then go to /api/tickets/[number]/attachments; the page that follows shows the number.
 */
export function NewTicketForm({ action, uploader, departments, orders, projects }: Props) {
  const router = useRouter();
  const [filesRef, files] = useStagedFiles();
  const { form, onSubmit, message, pending } = useActionForm({
    schema: createTicketSchema,
    defaultValues: { title: "", body: "", priority: "normal", departmentId: "", orderId: "", projectId: "", taskId: "" },
    action: async (values) => {
      const result = await action(values);
      if (!result.ok) return result;
      const { number } = result.data;
      const sent = await files.upload(`/api/tickets/${number}/attachments`);
      return { ok: true as const, data: { number, problem: sent.problem } };
    },
    onSuccess: ({ number, problem }: { number: string; problem: string | null }) => {
      // The action sets no cookie (that would make its response carry a render of this page).
      setNoticeFromBrowser({ path: `/tickets/${number}`, notice: problem ? "created_files_failed" : "created", number });
      router.push(`/tickets/${number}`);
      // Shown for the moment before the ticket page replaces this one.
      return problem ? `Ticket ${number} was created. ${problem}` : `Ticket ${number} was created. Opening it…`;
    },
  });
  const errors = form.formState.errors;
  const projectId = form.watch("projectId");
  const tasks = projects.find((p) => p.id === projectId)?.tasks ?? [];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <TextField id="title" label="Title" placeholder="e.g. Cannot log in to the control panel" maxLength={200} error={errors.title?.message} {...form.register("title")} />
      <TextAreaField
        id="body"
        label="Description"
        rows={8}
        hint="What happened, what you expected, and what you already tried. Error messages help."
        error={errors.body?.message}
        {...form.register("body")}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          id="priority"
          label="Priority"
          hint="Your suggestion; our team may adjust it."
          defaultValue="normal"
          error={errors.priority?.message}
          {...form.register("priority")}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_HINTS[p] ?? PRIORITY_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <SelectField id="departmentId" label="Department" hint="Optional: who should look at it." error={errors.departmentId?.message} {...form.register("departmentId")}>
          <option value="">Not sure — let the help desk decide</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        {orders.length ? (
          <SelectField id="orderId" label="Related service" hint="Optional: the service this is about." error={errors.orderId?.message} {...form.register("orderId")}>
            <option value="">None</option>
            {orders.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        {projects.length ? (
          <SelectField
            id="projectId"
            label="Project"
            hint="Optional: your company's project."
            error={errors.projectId?.message}
            {...form.register("projectId", { onChange: () => form.setValue("taskId", "") })}
          >
            <option value="">None</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {projects.length ? (
          <SelectField id="taskId" label="Task" hint={projectId ? "Optional." : "Choose a project first."} disabled={!projectId || tasks.length === 0} error={errors.taskId?.message} {...form.register("taskId")}>
            <option value="">None</option>
            {tasks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <div>
        <p className="mb-1.5 text-sm font-medium text-slate-800">Attachments</p>
        <Uploader ref={filesRef} config={uploader} disabled={pending} />
      </div>
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Opening ticket…">
        Open ticket
      </Button>
    </form>
  );
}
