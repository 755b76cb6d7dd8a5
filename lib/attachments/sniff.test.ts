import { describe, expect, it } from "vitest";
import { AttachmentError } from "./errors";
import { decideType } from "./sniff";
import { CFB, DOCX, GIF, JPEG, PDF, PNG, WEBP, XLSX, ZIP } from "./testing";
import { FILE_TYPES } from "./types";

const decide = (filename: string, bytes: Uint8Array | string, declaredType?: string) =>
  decideType({ filename, bytes: typeof bytes === "string" ? Buffer.from(bytes) : bytes, declaredType, types: FILE_TYPES });

async function refused(p: Promise<unknown>): Promise<AttachmentError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AttachmentError);
  return error as AttachmentError;
}

describe("decideType: the bytes decide, the extension must agree", () => {
  it.each([
    ["shot.png", PNG, "image/png"],
    ["photo.jpg", JPEG, "image/jpeg"],
    ["photo.JPEG", JPEG, "image/jpeg"],
    ["anim.gif", GIF, "image/gif"],
    ["pic.webp", WEBP, "image/webp"],
    ["invoice.pdf", PDF, "application/pdf"],
    ["letter.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["sheet.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["old.doc", CFB, "application/msword"],
    ["old.xls", CFB, "application/vnd.ms-excel"],
    ["logs.zip", ZIP, "application/zip"],
    ["notes.txt", Buffer.from("Grüße, line two\n"), "text/plain; charset=utf-8"],
    ["data.csv", Buffer.from("a,b\n1,2\n"), "text/csv; charset=utf-8"],
  ])("accepts %s as %s", async (name, bytes, mime) => {
    expect((await decide(name, bytes)).mime).toBe(mime);
  });

  it("ignores a harmless declared type: the bytes win", async () => {
    expect((await decide("shot.png", PNG, "application/octet-stream")).mime).toBe("image/png");
  });

  it.each([
    ["HTML renamed .png", "page.png", "<html><script>alert(1)</script></html>", undefined],
    ["a script renamed .png", "x.png", "alert(document.cookie)", "image/png"],
    ["SVG with onload renamed .png", "logo.png", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', undefined],
    ["an SVG", "logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml"],
    ["an HTML file", "page.html", "<html></html>", "text/html"],
    ["a PNG declared image/svg+xml; x", "logo.png", PNG, "image/svg+xml; x"],
    ["a PNG declared text/html", "logo.png", PNG, "text/html; charset=utf-8"],
    ["a ZIP named .docx", "letter.docx", ZIP, undefined],
    ["a DOCX named .zip", "bundle.zip", DOCX, undefined],
    ["a PNG named .jpg", "photo.jpg", PNG, undefined],
    ["a PDF named .txt", "notes.txt", PDF, undefined],
    ["binary named .csv", "data.csv", Buffer.from([0x61, 0x00, 0x62]), undefined],
    ["invalid UTF-8 named .txt", "notes.txt", Buffer.from([0xc3, 0x28]), undefined],
    ["an executable", "setup.exe", Buffer.from("MZ\x90\x00", "latin1"), undefined],
    ["no extension", "README", "hello", undefined],
  ])("refuses %s (415)", async (_what, name, bytes, declared) => {
    const error = await refused(decide(name, bytes, declared));
    expect(error.status).toBe(415);
    expect(error.message).toContain(name);
  });

  it("refuses an empty file (422)", async () => {
    const error = await refused(decide("empty.png", Buffer.alloc(0)));
    expect(error.status).toBe(422);
    expect(error.message).toBe('"empty.png" is empty.');
  });

  it("refuses a type the configuration left out", async () => {
    const onlyImages = FILE_TYPES.filter((t) => t.kind === "image");
    const error = await refused(decideType({ filename: "a.pdf", bytes: PDF, types: onlyImages }));
    expect(error.message).toMatch(/\.pdf files are not accepted\. Allowed types: PNG, JPG, GIF, WEBP/);
  });
});
