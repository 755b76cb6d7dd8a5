import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type FieldProps = {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
};

const inputClass = (error?: string) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:outline-2 focus:outline-offset-0 ${
    error ? "border-red-500 focus:outline-red-500" : "border-slate-300 focus:outline-brand-600"
  }`;

/** What every framed control carries: its id, invalid state, the error or hint it is described by, its look. */
function controlProps(id: string, error?: string, hint?: ReactNode) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [error ? `${id}-error` : null, hint && !error ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined,
    className: inputClass(error),
  };
}

function Frame({ id, label, error, hint, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose error sits under it and is announced with it (aria-describedby). */
export function TextField({ id, label, error, hint, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <input
        {...controlProps(id, error, hint)}
        {...props}
      />
    </Frame>
  );
}

export function TextAreaField({ id, label, error, hint, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <textarea
        {...controlProps(id, error, hint)}
        {...props}
      />
    </Frame>
  );
}

/**
 * A labelled select, framed like the text fields. Options come as `options` or as children
 * (for optgroups and placeholders).
 */
export function SelectField({
  id,
  label,
  error,
  hint,
  options,
  children,
  ...props
}: FieldProps & { options?: { value: string; label: string; disabled?: boolean }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <select
        {...controlProps(id, error, hint)}
        className={`${inputClass(error)} disabled:bg-slate-50 disabled:text-slate-400`}
        {...props}
      >
        {options?.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </Frame>
  );
}

/** A checkbox with its label beside it and an optional description. */
export function CheckboxField({ id, label, hint, ...props }: { id: string; label: string; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...props}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The form-level message: errors and confirmations are announced politely. */
export function FormMessage({ message }: { message: { kind: "error" | "success"; text: string } | null }) {
  return (
    <div aria-live="polite" role="status">
      {message ? (
        <p
          className={`rounded-md px-3 py-2 text-sm ${message.kind === "error" ? "bg-red-50 text-red-800 ring-1 ring-red-200" : "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
