/**
 * File names are metadata a person reads, never a path: storage uses random keys. Still, the
 * name is shown in the thread and sent back in Content-Disposition, so it is cleaned on the way in
 * and encoded on the way out.
 */
const MAX_LENGTH = 180;

// C0/C1 controls and DEL; bidirectional overrides (the "gnp.exe" trick); zero-width characters.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Characters no file system or header accepts quietly; replaced by "_".
const RESERVED = /[<>:"|?*]/g;

function percentDecode(name: string): string {
  let out = name;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(out); i++) {
    try {
      out = decodeURIComponent(out);
    } catch {
      break; // "50% off.pdf" is a name, not an escape
    }
  }
  return out;
}

/** A safe display name: no directories, no controls, no leading dots, bounded length. */
export function sanitizeFilename(raw: string | null | undefined): string {
  let name = percentDecode((raw ?? "").normalize("NFC"));
  name = name.replace(INVISIBLE, "");
  name = name.split(/[/\\]/).pop() ?? "";
  name = name.replace(RESERVED, "_").replace(/\s+/g, " ").replace(/\.{2,}/g, ".");
  name = name.replace(/^[\s.]+|[\s.]+$/g, "");
  const chars = Array.from(name);
  if (chars.length > MAX_LENGTH) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = chars.slice(0, MAX_LENGTH - Array.from(ext).length).join("").trimEnd() + ext;
  }
  return name || "file";
}

/** RFC 5987 ext-value encoding: only attr-chars stay literal. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII stand-in for old clients: printable ASCII except quote, backslash and percent. */
function asciiFallback(value: string): string {
  const ascii = value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return ascii.replace(/[^\x20-\x7e]|["\\%]/g, "_");
}

/** `attachment; filename="x"; filename*=UTF-8''x` per RFC 6266. */
export function contentDisposition(type: "attachment" | "inline", filename: string): string {
  return `${type}; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}
