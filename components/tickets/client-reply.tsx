"use client";

import { useRouter } from "next/navigation";
import { FormMessage, TextAreaField } from "@/components/forms/field";
import { usePlainForm } from "@/components/forms/use-plain-form";
import { Uploader } from "@/components/attachments/uploader";
import { Button } from "@/components/ui/button";
import type { UploaderConfig } from "@/lib/attachments/types";
import { checkCommentBody } from "@/lib/tickets/form-rules";
import type { ActionFn } from "@/lib/errors";
import type { ClientCommentInput } from "@/lib/tickets/schemas";
import { useStagedFiles } from "./use-staged-files";

/** The client's reply box: public only (the schema has no visibility key), with files. */
export function ClientReply({ ticketId, action, uploader }: { ticketId: string; action: ActionFn<ClientCommentInput, { messageId: string }>; uploader: UploaderConfig }) {
  const router = useRouter();
  const [filesRef, files] = useStagedFiles();
  const form = usePlainForm({
    defaultValues: { ticketId, body: "" },
    validate: (v) => ({ body: checkCommentBody(v.body) }),
    action: async (values) => {
      const result = await action(values);
      if (!result.ok) return result;
      const { messageId } = result.data;
      return { ok: true as const, data: await files.upload(`/api/messages/${messageId}/attachments`) };
    },
    onSuccess: (sent) => {
      form.resetField("body");
      files.clear();
      router.refresh();
      return sent.problem ? `Your reply was sent. ${sent.problem}` : "Your reply was sent.";
    },
  });
  const { onSubmit, message, pending } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <TextAreaField id="reply-body" label="Your reply" rows={5} error={form.errors.body} {...form.register("body")} />
      <Uploader ref={filesRef} config={uploader} disabled={pending} />
      <FormMessage message={message} />
      <div className="flex justify-end">
        <Button type="submit" pending={pending} pendingLabel="Sending…">
          Send reply
        </Button>
      </div>
    </form>
  );
}
