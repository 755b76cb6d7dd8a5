import type { ReactNode } from "react";

/** The body of a "not found" or "something went wrong" page: what happened and where to go next. */
export function StatusMessage({ code, title, children, actions }: { code: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="font-mono text-sm text-slate-500">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-2 text-slate-600">{children}</div>
      {actions ? <div className="mt-6 flex flex-wrap items-center justify-center gap-4">{actions}</div> : null}
    </div>
  );
}

/** The way on from a status message ("/" sends a person to their role's home, or to sign-in). */
export const statusLinkClass = "font-medium text-brand-700 underline";
