import busboy from "busboy";
import { badRequest, tooLarge, unprocessable, unsupported } from "./errors";
import { sanitizeFilename } from "./filename";
import { boundaryOf, partTypeScanner } from "./part-headers";
import { assertHarmlessDeclaredType } from "./sniff";
import { formatBytes } from "./types";

/** What a route handler hands to the domain: the request's stream and the two headers that matter. */
export type UploadBody = {
  contentType: string | null;
  contentLength: string | null;
  body: ReadableStream<Uint8Array> | null;
};

export const uploadBodyFrom = (request: Request): UploadBody => ({
  contentType: request.headers.get("content-type"),
  contentLength: request.headers.get("content-length"),
  body: request.body,
});

export type ReceivedFile = { filename: string; declaredType: string; bytes: Buffer };
export type StreamLimits = { maxFileBytes: number; maxTotalBytes: number; maxFiles: number };

// Room for multipart boundaries and part headers on top of the file bytes.
const PART_OVERHEAD = 8 * 1024;
const FORM_OVERHEAD = 16 * 1024;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const INTERRUPTED = "The upload was interrupted or is not a valid multipart form. Please try again.";

/**
 * Reads a multipart/form-data body as it arrives, counting bytes: a file over the per-file limit,
 * files over the total, too many files, or a body longer than any valid upload could be stops the
 * read at once (the rest is never pulled). Content-Length is only used to refuse early; the bytes
 * actually received are what count, so a request that under-declares its length is caught too.
 * Only the files themselves are held in memory, never more than the limits.
 */
export async function readMultipart(upload: UploadBody, limits: StreamLimits): Promise<ReceivedFile[]> {
  const type = upload.contentType ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) throw unsupported("Send the files as multipart/form-data.");
  const maxRequest = limits.maxTotalBytes + limits.maxFiles * PART_OVERHEAD + FORM_OVERHEAD;
  const totalTooLarge = () =>
    tooLarge(`The files are larger than ${formatBytes(limits.maxTotalBytes)} together. Send fewer or smaller files.`);
  const declared = Number(upload.contentLength ?? NaN);
  if (Number.isFinite(declared) && declared > maxRequest) throw totalTooLarge();
  if (!upload.body) throw badRequest("The upload is empty. Choose at least one file.");

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      limits: { files: limits.maxFiles, fields: 0, headerPairs: 20 },
      defParamCharset: "utf8",
    });
  } catch {
    throw badRequest(INTERRUPTED);
  }
  const bb = parser;
  const scan = partTypeScanner(boundaryOf(type) ?? "");
  const reader = upload.body.getReader();

  return new Promise<ReceivedFile[]>((resolve, reject) => {
    const files: ReceivedFile[] = [];
    let failed = false;
    let closed = false;
    let openFiles = 0;
    let fileBytes = 0;

    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      reader.cancel().catch(() => {});
      bb.destroy();
      reject(error);
    };
    const maybeDone = () => {
      if (!failed && closed && openFiles === 0) resolve(files);
    };

    bb.on("file", (_field, stream, info) => {
      const filename = sanitizeFilename(info.filename);
      const chunks: Buffer[] = [];
      let size = 0;
      openFiles++;
      stream.on("data", (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        fileBytes += chunk.length;
        if (size > limits.maxFileBytes) {
          return fail(tooLarge(`"${filename}" is larger than the limit of ${formatBytes(limits.maxFileBytes)} per file.`, filename));
        }
        if (fileBytes > limits.maxTotalBytes) return fail(totalTooLarge());
        chunks.push(chunk);
      });
      stream.on("end", () => {
        openFiles--;
        if (!failed) files.push({ filename, declaredType: info.mimeType, bytes: Buffer.concat(chunks, size) });
        maybeDone();
      });
      stream.on("error", () => fail(badRequest(INTERRUPTED)));
    });
    const onlyFiles = () => fail(unprocessable("The upload may contain files only."));
    bb.on("field", onlyFiles);
    bb.on("fieldsLimit", onlyFiles);
    bb.on("filesLimit", () => fail(unprocessable(`Attach at most ${plural(limits.maxFiles, "file")} at once.`)));
    bb.on("error", () => fail(badRequest(INTERRUPTED)));
    bb.on("close", () => {
      closed = true;
      maybeDone();
    });

    (async () => {
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (failed) return;
        if (done) {
          bb.end();
          return;
        }
        received += value.byteLength;
        if (received > maxRequest) return fail(totalTooLarge());
        try {
          for (const declaredType of scan(value)) assertHarmlessDeclaredType(declaredType);
        } catch (error) {
          return fail(error as Error);
        }
        if (!bb.write(value)) {
          await new Promise<void>((next) => {
            bb.once("drain", next);
            bb.once("close", next);
          });
        }
      }
    })().catch(() => fail(badRequest(INTERRUPTED)));
  });
}
