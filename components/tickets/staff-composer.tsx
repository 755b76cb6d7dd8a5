"use client";

import { useRouter } from "next/navigation";
import type { ChangeEvent } from "react";
import { FormMessage, TextAreaField } from "@/components/forms/field";
import { usePlainForm } from "@/components/forms/use-plain-form";
import { Uploader } from "@/components/attachments/uploader";
import { Button } from "@/components/ui/button";
import type { UploaderConfig } from "@/lib/attachments/types";
import { checkCommentBody, checkVisibility } from "@/lib/tickets/form-rules";
import type { ActionFn } from "@/lib/errors";
import type { StaffCommentInput } from "@/lib/tickets/schemas";
import { useStagedFiles } from "./use-staged-files";

type Verdict = { ok: true } | { ok: false; reason: string };
type Sent = { uploaded: number; problem: string | null; internal: boolean };

/**
 * The agent's composer: one box that switches between a public reply (the client reads it and gets
 * it by e-mail) and an internal note (staff only). The switch is a radio group: arrow keys move
 * between the two. When a public reply is not possible yet, the domain's reason says why.
 */
export function StaffComposer({
  ticketId,
  reply,
  action,
  uploader,
}: {
  ticketId: string;
  reply: Verdict;
  action: ActionFn<StaffCommentInput, { messageId: string; status: string }>;
  /** Null when the ticket takes no more files (closed). */
  uploader: UploaderConfig | null;
}) {
  const router = useRouter();
  const [filesRef, files] = useStagedFiles();
  const form = usePlainForm({
    defaultValues: { ticketId, body: "", visibility: (reply.ok ? "public" : "internal") as StaffCommentInput["visibility"] },
    validate: (v) => ({ body: checkCommentBody(v.body), visibility: checkVisibility(v.visibility) }),
    action: async (values) => {
      const result = await action(values);
      if (!result.ok) return result;
      const { messageId } = result.data;
      const sent = await files.upload(`/api/messages/${messageId}/attachments`);
      return { ok: true as const, data: { ...sent, internal: values.visibility === "internal" } };
    },
    onSuccess: (sent: Sent): string => {
      const { internal } = sent;
      form.resetField("body");
      files.clear();
      router.refresh();
      const done = internal ? "Internal note added." : "Reply sent to the client.";
      return sent.problem ? `${done} ${sent.problem}` : done;
    },
  });
  const { onSubmit, message, pending } = form;
  const internal = form.values.visibility === "internal";
  const errors = form.errors;

  return (
    <form onSubmit={onSubmit} noValidate className={`space-y-4 rounded-lg border p-4 shadow-sm ${internal ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">Write</legend>
        <div className="inline-flex rounded-md bg-slate-100 p-1 ring-1 ring-slate-200">
          <Segment
            value="public"
            label="Public reply"
            disabled={!reply.ok}
            initiallyChecked={reply.ok}
            register={form.register("visibility")}
            describedBy={!reply.ok ? "composer-reply-reason" : undefined}
          />
          <Segment value="internal" label="Internal note" initiallyChecked={!reply.ok} register={form.register("visibility")} />
        </div>
        <p id="composer-reply-reason" className="mt-2 text-xs text-slate-600">
          {!reply.ok
            ? `Public reply unavailable: ${reply.reason}`
            : internal
              ? "Only staff see internal notes; the client is never told about them."
              : "The client sees this reply and gets it by e-mail; the ticket then waits for the customer."}
        </p>
      </fieldset>
      <TextAreaField
        id="composer-body"
        label="Message"
        rows={5}
        error={errors.body}
        className={`block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-2 ${errors.body ? "border-red-500 focus:outline-red-500" : "border-slate-300 focus:outline-brand-600"} ${internal ? "bg-amber-50/60" : "bg-white"}`}
        {...form.register("body")}
      />
      {uploader ? <Uploader ref={filesRef} config={uploader} disabled={pending} /> : null}
      <FormMessage message={message} />
      <div className="flex justify-end">
        <Button type="submit" pending={pending} pendingLabel={internal ? "Adding note…" : "Sending…"} className={internal ? "bg-amber-700! hover:bg-amber-800!" : ""}>
          {internal ? "Add internal note" : "Send reply"}
        </Button>
      </div>
    </form>
  );
}

function Segment({
  value,
  label,
  disabled,
  initiallyChecked,
  register,
  describedBy,
}: {
  value: "public" | "internal";
  label: string;
  disabled?: boolean;
  /** For the server-rendered HTML; react-hook-form takes over once hydrated. */
  initiallyChecked: boolean;
  register: { name: string; ref: (el: HTMLInputElement | null) => void; onChange: (e: ChangeEvent<HTMLInputElement>) => void; onBlur: () => void };
  describedBy?: string;
}) {
  return (
    <label className="relative block">
      {/* The real radio covers the segment (transparent), so clicks, keys and screen readers all reach it. */}
      <input
        type="radio"
        value={value}
        disabled={disabled}
        defaultChecked={initiallyChecked}
        aria-describedby={describedBy}
        className="peer absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none opacity-0 disabled:cursor-not-allowed"
        {...register}
      />
      <span
        className={`block rounded px-3 py-1.5 text-sm font-medium text-slate-600 peer-checked:bg-white peer-checked:text-slate-900 peer-checked:shadow-sm peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-brand-600 peer-disabled:text-slate-400 ${
          value === "internal" ? "peer-checked:text-amber-900 peer-checked:ring-1 peer-checked:ring-amber-300" : ""
        }`}
      >
        {label}
      </span>
    </label>
  );
}
