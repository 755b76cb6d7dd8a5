import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret } from "./env";

describe("AUTH_SECRET", () => {
  const dataDir = () => mkdtempSync(path.join(tmpdir(), "ticketry-env-"));

  it("stops a production boot on PostgreSQL without a secret, or with a short one", () => {
    expect(() => resolveAuthSecret(undefined, { embedded: false, isProduction: true, dataDir: dataDir() })).toThrow(/AUTH_SECRET is not set/);
    expect(() => resolveAuthSecret("short", { embedded: false, isProduction: true, dataDir: dataDir() })).toThrow(/too short \(5 characters\)/);
  });

  it("accepts a long enough secret", () => {
    const secret = "x".repeat(32);
    expect(resolveAuthSecret(secret, { embedded: false, isProduction: true, dataDir: dataDir() })).toBe(secret);
  });

  it("makes one secret for the embedded database and keeps it across restarts", () => {
    const dir = dataDir();
    const first = resolveAuthSecret(undefined, { embedded: true, isProduction: true, dataDir: dir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8")).toBe(first);
    expect(resolveAuthSecret(undefined, { embedded: true, isProduction: true, dataDir: dir })).toBe(first);
  });
});
