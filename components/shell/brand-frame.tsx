import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A page outside the signed-in shell (the top-level not-found and error pages): the brand mark and
 * a main landmark, as on the sign-in pages.
 */
export function BrandFrame({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="text-2xl font-bold tracking-tight text-slate-900">
        Ticket<span className="text-brand-600">ry</span>
      </Link>
      {children}
    </main>
  );
}
