import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

// scrypt is deliberately slow (16 MB, ~50 ms a hash on an idle core); on a loaded CI machine three
// of them can take longer than vitest's 5 s default.
describe("password hashing", { timeout: 30_000 }, () => {
  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("correct horse battery", null)).toBe(false);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same-password")).not.toBe(await hashPassword("same-password"));
  });
});
