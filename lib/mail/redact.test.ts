import { describe, expect, it } from "vitest";
import { redactLinks } from "./redact";

const TOKEN = "Zm9vYmFyLWJhei1xdXV4LTAxMjM0NTY3ODlfLUFCQ0RFRg";

describe("redactLinks", () => {
  it("removes the token from every link in text and HTML and keeps the rest", () => {
    const text = `Confirm: http://localhost:3000/verify?token=${TOKEN}\nOr open this address: http://localhost:3000/verify?token=${TOKEN}.`;
    expect(redactLinks(text)).toBe(
      "Confirm: http://localhost:3000/verify?token=[redacted]\nOr open this address: http://localhost:3000/verify?token=[redacted].",
    );
    const html = `<a href="https://desk.example/reset-password?lang=en&amp;token=${TOKEN}" style="x">Choose</a> (https://desk.example/reset-password?token=${TOKEN})`;
    const out = redactLinks(html);
    expect(out).not.toContain(TOKEN);
    expect(out).toBe(
      '<a href="https://desk.example/reset-password?lang=en&amp;token=[redacted]" style="x">Choose</a> (https://desk.example/reset-password?token=[redacted])',
    );
  });

  it("leaves a mail without token links as it is", () => {
    const text = "Your ticket T-1042 was answered: http://localhost:3000/tickets/T-1042?tab=messages (the token= word alone stays).";
    expect(redactLinks(text)).toBe(text);
  });
});
