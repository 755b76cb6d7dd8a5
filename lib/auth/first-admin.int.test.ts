import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { ensureFirstAdmin } from "@/db/seed";
import { AppError } from "@/lib/errors";
import { mailsTo, tokenFrom } from "@/lib/test/factories";
import { authenticate } from "./authenticate";
import { resetPassword } from "./reset";

describe("first administrator of a real deployment", () => {
  it("is created without a password and gets a single-use set-password link, printed and mailed", async () => {
    const db = await getDb();
    const link = await ensureFirstAdmin(db, "Boss@Example.test", "https://desk.example.test");
    expect(link).toMatch(/^https:\/\/desk\.example\.test\/reset-password\?token=/);
    const [admin] = await db.select({ role: users.roleKey, hash: users.passwordHash }).from(users).where(eq(users.email, "boss@example.test"));
    expect(admin).toEqual({ role: "admin", hash: null });
    const [mail] = await mailsTo("boss@example.test");
    expect(mail?.type).toBe("account.first_admin");
    expect(tokenFrom(mail!.text)).toBe(tokenFrom(link!));

    // Nobody can sign in before the link is used.
    await expect(authenticate({ email: "boss@example.test", password: "anything-at-all" }, "127.0.0.1")).rejects.toBeInstanceOf(AppError);

    await resetPassword({ token: tokenFrom(link!), password: "the-boss-password", confirmPassword: "the-boss-password" });
    const user = await authenticate({ email: "boss@example.test", password: "the-boss-password" }, "127.0.0.1");
    expect(user.role).toBe("admin");

    // Once an admin has a password, later starts print nothing and the link is spent.
    expect(await ensureFirstAdmin(db, "boss@example.test", "https://desk.example.test")).toBeNull();
    await expect(resetPassword({ token: tokenFrom(link!), password: "another-password", confirmPassword: "another-password" })).rejects.toThrow(/not valid any more/);
  });

  it("a restart before the link is used issues a fresh link and retires the old one", async () => {
    const db = await getDb();
    // The admin of the test above is retired: this installation has no usable admin again.
    await db.update(users).set({ active: false }).where(eq(users.roleKey, "admin"));
    const first = await ensureFirstAdmin(db, "chief@example.test", "http://localhost:3000");
    const second = await ensureFirstAdmin(db, "chief@example.test", "http://localhost:3000");
    expect(second).not.toBe(first);
    await expect(resetPassword({ token: tokenFrom(first!), password: "chief-password-1", confirmPassword: "chief-password-1" })).rejects.toThrow(/not valid/);
    await resetPassword({ token: tokenFrom(second!), password: "chief-password-1", confirmPassword: "chief-password-1" });
  });
});
