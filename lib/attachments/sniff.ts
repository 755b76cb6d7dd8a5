import { fileTypeFromBuffer } from "file-type";
import { unprocessable, unsupported } from "./errors";
import { describeExtensions, extensionOf, typeForExtension, type FileTypeSpec } from "./types";

export type DecidedType = { mime: string; spec: FileTypeSpec };

// Declared types a browser would execute. The declared type is otherwise ignored (the bytes decide),
// but a file that announces itself as one of these is refused outright.
const DANGEROUS_DECLARED = /^(text\/html|text\/xml|application\/xml|[a-z0-9.+-]+\/[a-z0-9.-]*\+xml|[a-z]+\/(x-)?(java|ecma)script)$/;

/** Refuses a file that announces itself as something a browser would run (whatever its bytes). */
export function assertHarmlessDeclaredType(declaredType: string | null | undefined, filename?: string) {
  const declared = (declaredType ?? "").split(";")[0]!.trim().toLowerCase();
  if (DANGEROUS_DECLARED.test(declared)) {
    const who = filename ? `"${filename}" was` : "A file was";
    throw unsupported(`${who} sent as ${declared}, which is never accepted.`, filename);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides what a file is from its bytes and refuses it unless the bytes, the extension and the
 * configured types all agree. Text types (TXT, CSV) have no magic number: they must be valid UTF-8
 * without NUL bytes, and nothing with a recognisable binary signature.
 */
export async function decideType(input: {
  bytes: Uint8Array;
  filename: string;
  declaredType?: string | null;
  types: readonly FileTypeSpec[];
}): Promise<DecidedType> {
  const { bytes, filename, types } = input;
  const allowed = describeExtensions(types.map((t) => t.key));
  if (bytes.length === 0) throw unprocessable(`"${filename}" is empty.`, filename);

  assertHarmlessDeclaredType(input.declaredType, filename);

  const ext = extensionOf(filename);
  if (!ext) throw unsupported(`"${filename}" has no extension, so its type cannot be confirmed. Allowed types: ${allowed}.`, filename);
  const spec = typeForExtension(ext, types);
  if (!spec) throw unsupported(`"${filename}": .${ext} files are not accepted. Allowed types: ${allowed}.`, filename);

  const sniffed = await fileTypeFromBuffer(bytes);
  if (spec.sniffedMime === null) {
    if (sniffed || !isPlainText(bytes)) {
      throw unsupported(`"${filename}" is not a plain UTF-8 ${spec.label}${sniffed ? ` (its content is a ${sniffed.ext.toUpperCase()} file)` : ""}.`, filename);
    }
    return { mime: spec.mime, spec };
  }
  if (!sniffed) {
    throw unsupported(`"${filename}" is named like a ${spec.label}, but its content is not one.`, filename);
  }
  if (!spec.sniffedMime.includes(sniffed.mime)) {
    throw unsupported(`"${filename}" is named like a ${spec.label}, but its content is a ${sniffed.ext.toUpperCase()} file. Rename it or choose another file.`, filename);
  }
  return { mime: spec.mime, spec };
}
