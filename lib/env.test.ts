import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv, resolveAuthSecret } from "./env";

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

describe("serving and proxy settings", () => {
  const base = () => ({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "ticketry-env-")) });

  it("reads the proxy rule and the listening address", () => {
    const env = loadEnv({ ...base(), TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::/32 192.0.2.1", HOST: "0.0.0.0", PORT: "8080" });
    expect(env.clientIp).toEqual({ onVercel: false, trustedProxyHops: 0, trustedProxies: ["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"], peerStamped: false });
    expect(env.host).toBe("0.0.0.0");
    expect(env.port).toBe(8080);
    expect(loadEnv({ ...base(), TRUSTED_PROXY_HOPS: "2" }).clientIp.trustedProxyHops).toBe(2);
    // Set by scripts/serve.ts for the app it serves.
    expect(loadEnv({ ...base(), TICKETRY_PEER_STAMPED: "1" }).clientIp.peerStamped).toBe(true);
  });

  it("defaults to no proxy, no explicit host and port 3000", () => {
    const env = loadEnv({ ...base(), TRUSTED_PROXY_HOPS: "", HOST: " " });
    expect(env.clientIp).toEqual({ onVercel: false, trustedProxyHops: 0, trustedProxies: [], peerStamped: false });
    expect(env.host).toBeUndefined();
    expect(env.port).toBe(3000);
  });

  it.each([
    [{ TRUSTED_PROXY_HOPS: "-1" }, /TRUSTED_PROXY_HOPS: must be the number of proxies/],
    [{ TRUSTED_PROXY_HOPS: "11" }, /TRUSTED_PROXY_HOPS: must be at most 10/],
    [{ TRUSTED_PROXY_HOPS: "one" }, /TRUSTED_PROXY_HOPS/],
    [{ TRUSTED_PROXIES: "10.0.0.0/8, 10.0.0.0/40, proxy.local" }, /TRUSTED_PROXIES: .*not: 10\.0\.0\.0\/40, proxy\.local/],
    [{ TRUSTED_PROXIES: "10.0.0.0/8", TRUSTED_PROXY_HOPS: "1" }, /not both/],
    [{ HOST: "0.0.0.0; rm -rf /" }, /HOST/],
    [{ PORT: "70000" }, /PORT/],
  ])("refuses %j", (values, message) => {
    expect(() => loadEnv({ ...base(), ...values })).toThrow(message);
  });
});
