/**
 * Watches a multipart body go by and reports every part's raw Content-Type header. busboy replaces
 * a header it cannot parse (`image/svg+xml; x`) with application/octet-stream, which would hide what
 * the client claimed; this keeps the claim so a dangerous one is refused. It only looks right after
 * a boundary delimiter (which by definition never occurs inside a file), so file contents that
 * happen to contain "Content-Type:" are not misread. Memory stays bounded by one header block.
 */
const MAX_HEADER_BLOCK = 8 * 1024;
const HEADER_END = Buffer.from("\r\n\r\n");

export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary=(?:"([^"]{1,200})"|([^;\s]{1,200}))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

export function partTypeScanner(boundary: string) {
  const delimiter = Buffer.from(`--${boundary}`);
  let carry: Buffer = Buffer.alloc(0);
  return (chunk: Uint8Array): string[] => {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const types: string[] = [];
    let from = 0;
    for (;;) {
      const at = buf.indexOf(delimiter, from);
      if (at < 0) break;
      const headStart = at + delimiter.length;
      const end = buf.indexOf(HEADER_END, headStart);
      if (end < 0 || end - headStart > MAX_HEADER_BLOCK) {
        if (buf.length - at <= MAX_HEADER_BLOCK + delimiter.length) {
          carry = Buffer.from(buf.subarray(at)); // the header block is still arriving
          return types;
        }
        from = headStart; // not a header block (or absurdly long: busboy refuses it)
        continue;
      }
      const head = buf.subarray(headStart, end).toString("latin1");
      for (const m of head.matchAll(/\r\ncontent-type:[ \t]*([^\r\n]*)/gi)) types.push(m[1]!.trim());
      from = end + HEADER_END.length;
    }
    // Keep a tail that might be the start of a delimiter split across chunks.
    carry = Buffer.from(buf.subarray(Math.max(from, buf.length - delimiter.length + 1)));
    return types;
  };
}
