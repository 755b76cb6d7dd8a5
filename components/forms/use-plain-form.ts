"use client";

import { useRef, useState, type ChangeEvent } from "react";
import type { ActionFailure, ActionResult } from "@/lib/errors";

type Message = { kind: "error" | "success"; text: string } | null;
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Values = Record<string, string>;

/**
 * useActionForm's behaviour without react-hook-form and zod, for the ticket page's small forms
 * (their JavaScript was a quarter of the page's): uncontrolled text, select and radio fields, each
 * checked when left and then on every change (react-hook-form's "onTouched"), all checked on
 * submit with the first invalid one focused, server field errors put on their fields, and the form
 * message announced. `validate` is a plain function (lib/tickets/form-rules.ts); the server action
 * parses the same values again with its zod schema.
 */
export function usePlainForm<V extends Values, T>(opts: {
  defaultValues: V;
  validate: (values: V) => Partial<Record<keyof V, string | null>>;
  action: (values: V) => Promise<ActionResult<T> | undefined | void>;
  onSuccess?: (data: T) => string | void;
  onFailure?: (failure: ActionFailure) => void;
}) {
  const values = useRef<V>({ ...opts.defaultValues });
  const controls = useRef(new Map<keyof V, Set<Control>>());
  const touched = useRef(new Set<keyof V>());
  const submitted = useRef(false);
  const [errors, setErrors] = useState<Partial<Record<keyof V, string>>>({});
  const [watched, setWatched] = useState<V>(opts.defaultValues);
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState(false);

  const errorOf = (name: keyof V) => opts.validate(values.current)[name] ?? undefined;
  const check = (name: keyof V) => setErrors((all) => ({ ...all, [name]: errorOf(name) }));

  /** Shows `value` in the field's controls (text and select: the value; radios: the checked one). */
  const paint = (name: keyof V, value: string) => {
    for (const el of controls.current.get(name) ?? []) {
      if (el instanceof HTMLInputElement && el.type === "radio") el.checked = el.value === value;
      else el.value = value;
    }
  };

  const focus = (name: keyof V) => {
    const el = [...(controls.current.get(name) ?? [])].find((c) => !c.disabled);
    el?.focus();
  };

  const register = (name: keyof V & string) => ({
    name,
    ref: (el: Control | null) => {
      if (!el) return;
      const set = controls.current.get(name) ?? new Set<Control>();
      controls.current.set(name, set);
      if (set.has(el)) return;
      set.add(el);
      paint(name, values.current[name]!);
    },
    onChange: (e: ChangeEvent<Control>) => {
      values.current = { ...values.current, [name]: e.target.value };
      setWatched(values.current);
      if (touched.current.has(name) || submitted.current) check(name);
    },
    onBlur: () => {
      touched.current.add(name);
      check(name);
    },
  });

  /** Back to the default value, untouched and without error (after a message was sent). */
  const resetField = (name: keyof V & string) => {
    const value = opts.defaultValues[name] ?? "";
    values.current = { ...values.current, [name]: value };
    paint(name, value);
    touched.current.delete(name);
    setWatched(values.current);
    setErrors((all) => ({ ...all, [name]: undefined }));
  };

  const clearErrors = () => setErrors({});

  const onSubmit = async (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    submitted.current = true;
    const found = opts.validate(values.current);
    const invalid = (Object.keys(found) as (keyof V)[]).filter((k) => found[k]);
    setErrors(Object.fromEntries(invalid.map((k) => [k, found[k]])) as Partial<Record<keyof V, string>>);
    if (invalid.length) {
      focus(invalid[0]!);
      return;
    }
    setMessage(null);
    setPending(true);
    let result: ActionResult<T> | undefined | void;
    try {
      result = await opts.action(values.current);
    } catch (error) {
      setPending(false);
      // redirect() from an action surfaces here as a special error that Next handles; let it through.
      if (error && typeof error === "object" && "digest" in error) throw error;
      setMessage({ kind: "error", text: "The server could not be reached. Check your connection and try again." });
      return;
    }
    setPending(false);
    if (!result) return;
    if (result.ok) {
      const text = opts.onSuccess?.(result.data);
      if (text) setMessage({ kind: "success", text });
      return;
    }
    const fieldErrors = Object.entries(result.fieldErrors ?? {});
    for (const [field, text] of fieldErrors) if (field === "_form") setMessage({ kind: "error", text });
    const onFields = fieldErrors.filter(([field]) => field !== "_form");
    if (onFields.length) {
      setErrors((all) => ({ ...all, ...Object.fromEntries(onFields) }));
      focus(onFields[0]![0] as keyof V);
    }
    if (result.formError) setMessage({ kind: "error", text: result.formError });
    opts.onFailure?.(result);
  };

  return { register, values: watched, errors, resetField, clearErrors, onSubmit, message, setMessage, pending };
}
