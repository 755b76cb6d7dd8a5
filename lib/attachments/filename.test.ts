import { describe, expect, it } from "vitest";
import { contentDisposition, sanitizeFilename } from "./filename";

describe("sanitizeFilename", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd.png", "passwd.png"],
    ["..\\..\\windows\\win.ini.png", "win.ini.png"],
    ["%2e%2e%2f%2e%2e%2fsecret.png", "secret.png"],
    ["%252e%252e%252fdouble.png", "double.png"],
    ["a\u0000b.png", "ab.png"],
    ["line\r\nbreak\t.png", "linebreak.png"],
    ["\u202egnp.exe", "gnp.exe"],
    ['"><img src=x onerror=alert(1)>.png', "___img src=x onerror=alert(1)_.png"],
    ["...hidden.png", "hidden.png"],
    ["trailing dots...", "trailing dots"],
    ["50% off.pdf", "50% off.pdf"],
    ["Überweisung März.pdf", "Überweisung März.pdf"],
    ["", "file"],
    ["../", "file"],
  ])("%j → %j", (raw, safe) => {
    expect(sanitizeFilename(raw)).toBe(safe);
  });

  it("never leaves a path separator, a control character or a leading dot", () => {
    const nasty = ["/abs/path.png", "C:\\x\\y.png", "..", "./.env", "a/../../b.png", "\u0007bell.png", "x\u007f.png"];
    for (const raw of nasty) {
      const safe = sanitizeFilename(raw);
      expect(safe).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
      expect(safe.startsWith(".")).toBe(false);
      expect(safe).not.toContain("..");
    }
  });

  it("caps the length and keeps the extension", () => {
    const safe = sanitizeFilename(`${"a".repeat(500)}.docx`);
    expect(safe.length).toBe(180);
    expect(safe.endsWith(".docx")).toBe(true);
  });
});

describe("contentDisposition (RFC 6266)", () => {
  it("sends an ASCII fallback and the UTF-8 name percent-encoded", () => {
    expect(contentDisposition("attachment", "Überweisung März.pdf")).toBe(
      `attachment; filename="Uberweisung Marz.pdf"; filename*=UTF-8''%C3%9Cberweisung%20M%C3%A4rz.pdf`,
    );
  });

  it("cannot be broken out of by quotes, backslashes, apostrophes or semicolons", () => {
    const header = contentDisposition("inline", `a"b\\c'd;e(1)*.png`);
    expect(header).toBe(`inline; filename="a_b_c'd;e(1)*.png"; filename*=UTF-8''a%22b%5Cc%27d%3Be%281%29%2A.png`);
  });

  it("replaces characters outside printable ASCII in the fallback", () => {
    expect(contentDisposition("attachment", "日本語.txt")).toBe(`attachment; filename="___.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.txt`);
  });
});
