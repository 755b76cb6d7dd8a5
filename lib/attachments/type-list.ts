import { DEFAULT_TYPE_KEYS, FILE_TYPES, type FileTypeSpec } from "./types";

/**
 * ATTACHMENT_TYPES ("png, .JPEG, pdf") → the catalogue's types it names (by any of their extensions),
 * and the names outside the catalogue (svg, html …), which lib/env.ts refuses at boot. Unset = all.
 */
export function typesFromList(raw: string | undefined): { types: FileTypeSpec[]; unknown: string[] } {
  if (raw === undefined) return { types: FILE_TYPES.filter((t) => DEFAULT_TYPE_KEYS.includes(t.key)), unknown: [] };
  const wanted = raw.split(/[\s,]+/).map((s) => s.replace(/^\./, "").toLowerCase()).filter(Boolean);
  return {
    types: FILE_TYPES.filter((t) => t.extensions.some((e) => wanted.includes(e))),
    unknown: wanted.filter((w) => !FILE_TYPES.some((t) => t.extensions.includes(w))),
  };
}

export const TYPE_CHOICES = `Choose from ${DEFAULT_TYPE_KEYS.join(", ")} (SVG and HTML are never allowed).`;
