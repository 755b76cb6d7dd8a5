"use client";

import { useEffect, useState, useTransition } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/errors";
import type { ClientOption } from "@/lib/users/queries";
import { SelectField } from "@/components/forms/field";

type Props = {
  initial: ClientOption[];
  search: (q: string) => Promise<ActionResult<ClientOption[]>>;
  register: UseFormRegisterReturn<"requesterId">;
  selectedId: string;
  error?: string;
};

const label = (c: ClientOption) => `${c.name} <${c.email}>`;

/**
 * Pick the client a ticket is for: a search box (name or e-mail, asked of the server as you type)
 * narrows the select below it. Without typing, the select lists the first clients by name.
 */
export function ClientPicker({ initial, search, register, selectedId, error }: Props) {
  const [q, setQ] = useState("");
  const [options, setOptions] = useState(initial);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [known, setKnown] = useState<Record<string, ClientOption>>(() => Object.fromEntries(initial.map((c) => [c.id, c])));

  useEffect(() => {
    const timer = setTimeout(() => {
      if (!q) {
        setSearchError(null);
        setOptions(initial);
        return;
      }
      startTransition(async () => {
        const result = await search(q);
        if (!result.ok) return setSearchError(result.formError ?? "The search failed.");
        setSearchError(null);
        setKnown((prev) => ({ ...prev, ...Object.fromEntries(result.data.map((c) => [c.id, c])) }));
        setOptions(result.data);
      });
    }, q ? 250 : 0);
    return () => clearTimeout(timer);
  }, [q, search, initial]);

  // The chosen client stays selectable while the list shows other matches.
  const chosen = known[selectedId];
  const list = chosen && !options.some((c) => c.id === chosen.id) ? [chosen, ...options] : options;
  const status = pending ? "Searching…" : searchError ?? (q ? `${options.length === 50 ? "50+" : options.length} matching client${options.length === 1 ? "" : "s"}` : "");

  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">Client</legend>
      <div className="space-y-1.5">
        <label htmlFor="client-search" className="block text-sm text-slate-700">
          Find a client by name or e-mail
        </label>
        <input
          id="client-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
          aria-describedby="client-search-status"
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-600"
        />
        <p id="client-search-status" aria-live="polite" className="min-h-4 text-xs text-slate-500">
          {status}
        </p>
      </div>
      <SelectField
        id="requesterId"
        label="Ticket for"
        error={error}
        options={[{ value: "", label: list.length ? "Choose a client…" : "No client matches" }, ...list.map((c) => ({ value: c.id, label: label(c) }))]}
        {...register}
      />
    </fieldset>
  );
}
