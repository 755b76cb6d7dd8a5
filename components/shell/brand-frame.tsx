import type { ReactNode } from "react";

/**
 * A page outside the signed-in shell (the top-level not-found and error pages): the brand mark and
 * a main landmark, as on the sign-in pages. A plain link home: the error boundaries render this
 * frame in the browser, and next/link would put its client code into each of their scripts.
 */
export function BrandFrame({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link on purpose (see above) */}
      <a href="/" className="text-2xl font-bold tracking-tight text-slate-900">
        Ticket<span className="text-brand-600">ry</span>
      </a>
      {children}
    </main>
  );
}
