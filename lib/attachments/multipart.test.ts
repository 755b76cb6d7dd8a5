import { describe, expect, it } from "vitest";
import { AttachmentError } from "./errors";
import { readMultipart, type StreamLimits } from "./multipart";
import { multipart, PDF, PNG } from "./testing";

const MB = 1024 * 1024;
const limits: StreamLimits = { maxFileBytes: 10 * MB, maxTotalBytes: 25 * MB, maxFiles: 10 };

async function refused(p: Promise<unknown>): Promise<AttachmentError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AttachmentError);
  return error as AttachmentError;
}

describe("readMultipart", () => {
  it("reads several files with their sanitized names and declared types", async () => {
    const { upload } = multipart([
      { filename: "shot.png", bytes: PNG, type: "image/png" },
      { filename: "../../report.pdf", bytes: PDF, type: "application/pdf" },
      { filename: "Überweisung März.pdf", bytes: PDF, extended: true },
    ]);
    const files = await readMultipart(upload, limits);
    expect(files.map((f) => f.filename)).toEqual(["shot.png", "report.pdf", "Überweisung März.pdf"]);
    expect(files[0]!.declaredType).toBe("image/png");
    expect(Buffer.compare(files[0]!.bytes, PNG)).toBe(0);
    expect(files[1]!.bytes.length).toBe(PDF.length);
  });

  it("cleans NUL and control characters sent in filename*", async () => {
    const { upload } = multipart([{ filename: "a\u0000b\u0007c\r\n.png", bytes: PNG, extended: true }]);
    const [file] = await readMultipart(upload, limits);
    expect(file!.filename).toBe("abc.png");
  });

  it("refuses a file over the per-file limit while streaming, without reading the rest", async () => {
    const big = Buffer.alloc(10 * MB + 1, 1);
    const t = multipart([{ filename: "big.pdf", bytes: Buffer.concat([PDF, big]) }, { filename: "after.png", bytes: Buffer.alloc(5 * MB) }]);
    const error = await refused(readMultipart(t.upload, limits));
    expect(error.status).toBe(413);
    expect(error.message).toBe('"big.pdf" is larger than the limit of 10 MB per file.');
    expect(t.pulled()).toBeLessThan(t.total - 4 * MB);
  });

  it("refuses files that together exceed the total, as the bytes arrive", async () => {
    const nine = Buffer.alloc(9 * MB, 1);
    const parts = [1, 2, 3, 4].map((n) => ({ filename: `part${n}.pdf`, bytes: nine }));
    const t = multipart(parts);
    const error = await refused(readMultipart(t.upload, limits));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/larger than 25 MB together/);
    expect(t.pulled()).toBeLessThan(t.total - 8 * MB);
  });

  it("refuses early when Content-Length already says too much", async () => {
    const t = multipart([{ filename: "a.png", bytes: PNG }], { contentLength: 200 * MB });
    const error = await refused(readMultipart(t.upload, limits));
    expect(error.status).toBe(413);
    expect(t.pulled()).toBe(0);
  });

  it("counts the bytes that arrive, not the Content-Length: a body that lies about its length is cut off", async () => {
    const t = multipart([{ filename: "liar.png", bytes: PNG }], { contentLength: 100, endless: true });
    const error = await refused(readMultipart(t.upload, limits));
    expect(error.status).toBe(413);
    expect(t.pulled()).toBeLessThanOrEqual(limits.maxFileBytes + 2 * 64 * 1024);
  });

  it("refuses more files than allowed at once", async () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({ filename: `f${i}.png`, bytes: PNG }));
    const error = await refused(readMultipart(multipart(parts).upload, { ...limits, maxFiles: 2 }));
    expect(error.status).toBe(422);
    expect(error.message).toBe("Attach at most 2 files at once.");
  });

  it("refuses form fields (only files are accepted)", async () => {
    const error = await refused(readMultipart(multipart([{ filename: "a.png", bytes: PNG }], { fields: { ticketId: "x" } }).upload, limits));
    expect(error.message).toBe("The upload may contain files only.");
  });

  it("refuses a body that is not multipart, or that breaks off", async () => {
    const json = { contentType: "application/json", contentLength: "2", body: new Blob(["{}"]).stream() };
    expect((await refused(readMultipart(json, limits))).status).toBe(415);
    const noBoundary = { contentType: "multipart/form-data; charset=utf-8", contentLength: null, body: new Blob(["x"]).stream() };
    expect((await refused(readMultipart(noBoundary, limits))).status).toBe(400);
    const cut = multipart([{ filename: "a.png", bytes: PNG }]);
    const reader = cut.upload.body!.getReader();
    const half = new ReadableStream<Uint8Array>({
      async start(controller) {
        const { value } = await reader.read();
        controller.enqueue(value!.subarray(0, 100));
        controller.close();
      },
    });
    const error = await refused(readMultipart({ ...cut.upload, body: half }, limits));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/interrupted/);
  });
});
