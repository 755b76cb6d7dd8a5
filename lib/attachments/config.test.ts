import { describe, expect, it } from "vitest";
import { parseTypes } from "./config";
import { describeExtensions, formatBytes } from "./types";

describe("ATTACHMENT_TYPES", () => {
  it("defaults to images and the document types of seed 004", () => {
    expect(describeExtensions(parseTypes(undefined).map((t) => t.key))).toBe("PNG, JPG, GIF, WEBP, PDF, DOC, DOCX, XLS, XLSX, TXT, CSV, ZIP");
  });

  it("narrows to what is configured, by any of a type's extensions", () => {
    expect(parseTypes("jpeg, .PDF").map((t) => t.key)).toEqual(["jpg", "pdf"]);
  });

  it.each(["svg", "html", "png,htm", "js"])("refuses %s at start-up with a clear message", (raw) => {
    expect(() => parseTypes(raw)).toThrow(/cannot check safely.*SVG and HTML are never allowed/);
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [1023, "1023 bytes"],
    [1536, "1.5 KB"],
    [10 * 1024 * 1024, "10 MB"],
    [25 * 1024 * 1024, "25 MB"],
  ])("%d → %s", (n, text) => expect(formatBytes(n)).toBe(text));
});
