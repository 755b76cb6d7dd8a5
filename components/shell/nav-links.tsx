"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Marks the current section for sighted users and screen readers (aria-current). */
export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const active = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={item.href === active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${item.href === active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
