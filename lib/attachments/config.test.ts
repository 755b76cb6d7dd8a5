import { describe, expect, it } from "vitest";
import { typesFromList } from "./type-list";
import { describeExtensions, formatBytes } from "./types";

// Refusing an unknown type at boot is lib/env.test.ts's ("ATTACHMENT_TYPES").
describe("ATTACHMENT_TYPES", () => {
  it("defaults to images and the document types of seed 004", () => {
    expect(describeExtensions(typesFromList(undefined).types.map((t) => t.key))).toBe("PNG, JPG, GIF, WEBP, PDF, DOC, DOCX, XLS, XLSX, TXT, CSV, ZIP");
  });

  it("narrows to what is configured, by any of a type's extensions", () => {
    expect(typesFromList("jpeg, .PDF")).toEqual({ types: [expect.objectContaining({ key: "jpg" }), expect.objectContaining({ key: "pdf" })], unknown: [] });
  });

  it.each([
    ["svg", ["svg"]],
    ["png,htm", ["htm"]],
    ["js html", ["js", "html"]],
  ])("names what is outside the catalogue in %s", (raw, unknown) => {
    expect(typesFromList(raw).unknown).toEqual(unknown);
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
