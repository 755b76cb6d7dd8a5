"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionFailure, ActionResult } from "@/lib/errors";

type Message = { kind: "error" | "success"; text: string } | null;

/**
 * react-hook-form + zod in the browser, the same schema parsed again by the server action.
 * Server field errors land on their fields (setError); the form message is announced.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(opts: {
  schema: S;
  action: (values: z.input<S>) => Promise<ActionResult<T> | undefined | void>;
  defaultValues: DefaultValues<z.input<S>>;
  onSuccess?: (data: T) => string | void;
  onFailure?: (failure: ActionFailure) => void;
  resetOnSuccess?: boolean;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(opts.schema as never) as never,
    defaultValues: opts.defaultValues,
    mode: "onTouched",
  });
  const [message, setMessage] = useState<Message>(null);

  const onSubmit = form.handleSubmit(async () => {
    setMessage(null);
    let result: ActionResult<T> | undefined | void;
    try {
      // The raw input goes to the server: it parses it with the same schema.
      result = await opts.action(form.getValues());
    } catch (error) {
      // redirect() from an action surfaces here as a special error that Next handles; let it through.
      if (error && typeof error === "object" && "digest" in error) throw error;
      setMessage({ kind: "error", text: "The server could not be reached. Check your connection and try again." });
      return;
    }
    if (!result) return;
    if (result.ok) {
      const text = opts.onSuccess?.(result.data);
      if (opts.resetOnSuccess) form.reset();
      if (text) setMessage({ kind: "success", text });
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
      if (field === "_form") setMessage({ kind: "error", text });
      else form.setError(field as Path<z.input<S>>, { type: "server", message: text }, { shouldFocus: true });
    }
    if (result.formError) setMessage({ kind: "error", text: result.formError });
    opts.onFailure?.(result);
  });

  return { form, onSubmit, message, setMessage, pending: form.formState.isSubmitting };
}
