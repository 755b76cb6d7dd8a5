import { describe, expect, it } from "vitest";
import { errorMessageFrom, precheckFile } from "./client-check";
import type { UploaderConfig } from "./types";

const MB = 1024 * 1024;
const config: UploaderConfig = { extensions: ["png", "jpg", "jpeg", "pdf"], accept: ".png,.jpg,.jpeg,.pdf", maxFileBytes: 10 * MB, maxTotalBytes: 25 * MB, maxFiles: 3 };
const none = { count: 0, bytes: 0 };

describe("precheckFile", () => {
  it("accepts an allowed file within the limits", () => {
    expect(precheckFile({ name: "Shot.PNG", size: 1000 }, config, none)).toBeNull();
  });

  it.each([
    [{ name: "logo.svg", size: 10 }, none, '"logo.svg" is not an accepted type. Allowed types: PNG, JPG, JPEG, PDF.'],
    [{ name: "noext", size: 10 }, none, '"noext" is not an accepted type. Allowed types: PNG, JPG, JPEG, PDF.'],
    [{ name: "e.pdf", size: 0 }, none, '"e.pdf" is empty.'],
    [{ name: "big.pdf", size: 11 * MB }, none, '"big.pdf" is 11 MB; the limit is 10 MB per file.'],
    [{ name: "4th.png", size: 1 }, { count: 3, bytes: 3 }, '"4th.png" was not added: at most 3 files per message.'],
    [{ name: "more.pdf", size: 6 * MB }, { count: 2, bytes: 20 * MB }, '"more.pdf" was not added: the files of one message may total at most 25 MB.'],
  ])("refuses %j", (file, already, message) => {
    expect(precheckFile(file, config, already)).toBe(message);
  });
});

describe("errorMessageFrom", () => {
  it("uses the server's message, or a fallback by status", () => {
    expect(errorMessageFrom(415, JSON.stringify({ error: { code: "invalid", message: '"x.png" is not a PNG.' } }))).toBe('"x.png" is not a PNG.');
    expect(errorMessageFrom(413, "<html>Request Entity Too Large</html>")).toBe("The file is too large.");
    expect(errorMessageFrom(502, "")).toBe("The upload failed (HTTP 502). Please try again.");
  });
});
