import Link from "next/link";

/** "Next page" for keyset-paginated lists: the same filters plus the cursor. */
export function NextPage({ path, params, cursor, label = "Next page →" }: { path: string; params: URLSearchParams; cursor: string | null; label?: string }) {
  if (!cursor) return null;
  const next = new URLSearchParams(params);
  next.set("cursor", cursor);
  return (
    <Link className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline" href={`${path}?${next}`}>
      {label}
    </Link>
  );
}
