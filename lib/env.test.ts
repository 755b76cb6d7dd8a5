import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { load, resolveAuthSecret, type EnvSource } from "./env";

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

describe("every variable is validated at boot", () => {
  // A fixed secret and a scratch data dir: load() writes nothing anywhere else.
  const base = (): EnvSource => ({ NODE_ENV: "test", AUTH_SECRET: "s".repeat(32), DATA_DIR: mkdtempSync(path.join(tmpdir(), "ticketry-env-")) });
  const refusal = (vars: EnvSource) => {
    try {
      load({ ...base(), ...vars });
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("load() accepted it");
  };

  it.each([
    [{ OUTBOX_INTERVAL_SECONDS: "60s" }, 'OUTBOX_INTERVAL_SECONDS: must be a whole number of seconds (0 turns the in-process delivery off) (got "60s")'],
    [{ OUTBOX_INTERVAL_SECONDS: "100000" }, "OUTBOX_INTERVAL_SECONDS: must be between 0 and 86400 seconds"],
    [{ INVOICE_DUE_DAYS: "two weeks" }, "INVOICE_DUE_DAYS: must be a whole number of days"],
    [{ ATTACHMENT_MAX_BYTES: "10MB" }, 'ATTACHMENT_MAX_BYTES: must be a whole number of bytes (got "10MB")'],
    [{ ATTACHMENT_MAX_TOTAL_BYTES: "-1" }, "ATTACHMENT_MAX_TOTAL_BYTES: must be a whole number of bytes"],
    [{ ATTACHMENT_MAX_FILES: "0" }, "ATTACHMENT_MAX_FILES: must be at least 1 files"],
    [{ ATTACHMENT_TYPES: "png,svg" }, "ATTACHMENT_TYPES: names types Ticketry cannot check safely: svg. Choose from"],
    [{ ATTACHMENT_TYPES: ",," }, "ATTACHMENT_TYPES: names no file type"],
    [{ APP_URL: "help.example.com" }, "APP_URL: must be an http:// or https:// address, like https://help.example.com"],
    [{ AUTH_URL: "ftp://help.example.com" }, "AUTH_URL: must be an http:// or https:// address"],
    [{ RESEND_BASE_URL: "localhost:4010" }, "RESEND_BASE_URL: must be an http:// or https:// address"],
    [{ S3_ENDPOINT: "minio:9000" }, "S3_ENDPOINT: must be an http:// or https:// address"],
    [{ DATABASE_URL: "mysql://db/ticketry" }, "DATABASE_URL: must be a PostgreSQL URL: postgres://user:password@host:5432/database"],
    [{ MAIL_FROM: "Help desk <helpdesk>" }, "MAIL_FROM: must be an e-mail address, optionally with a name"],
    [{ HELPDESK_EMAIL: "helpdesk" }, 'HELPDESK_EMAIL: must be an e-mail address, like helpdesk@example.com (got "helpdesk")'],
    [{ ACCOUNTING_EMAIL: "accounting@" }, "ACCOUNTING_EMAIL: must be an e-mail address"],
    [{ ORDERS_EMAIL: "orders at example.com" }, "ORDERS_EMAIL: must be an e-mail address"],
    [{ ADMIN_EMAIL: "root" }, "ADMIN_EMAIL: must be an e-mail address"],
    [{ SEED_DEMO: "yes" }, "SEED_DEMO: must be 1 (seed the demo accounts) or 0 (never)"],
    [{ STORAGE_DRIVER: "disk" }, 'STORAGE_DRIVER: must be "postgres" (the default) or "s3"'],
    [{ STORAGE_DRIVER: "s3", S3_BUCKET: "files" }, "S3_ENDPOINT: is required when STORAGE_DRIVER=s3"],
    [{ S3_REGION: "EU Central" }, "S3_REGION: must be a region name like us-east-1"],
    [{ NODE_ENV: "prod" }, "NODE_ENV: must be development, production or test"],
  ])("refuses %o, naming the variable and what it expects", (vars, expected) => {
    const message = refusal(vars);
    expect(message).toMatch(/^Invalid configuration: fix these environment variables and start again\./);
    expect(message).toContain(expected);
  });

  it("names every bad variable at once, and never echoes a secret", () => {
    const message = refusal({ OUTBOX_INTERVAL_SECONDS: "1m", DATABASE_URL: "mysql://root:hunter2@db/ticketry", STORAGE_DRIVER: "s3" });
    expect(message.split("\n").slice(1).map((l) => l.trim().split(":")[0])).toEqual([
      "DATABASE_URL",
      "OUTBOX_INTERVAL_SECONDS",
      "S3_ENDPOINT",
      "S3_BUCKET",
      "S3_ACCESS_KEY_ID",
      "S3_SECRET_ACCESS_KEY",
    ]);
    expect(message).not.toContain("hunter2");
  });

  it("reads good values, and treats empty strings as unset", () => {
    const env = load({
      ...base(),
      OUTBOX_INTERVAL_SECONDS: "0",
      INVOICE_DUE_DAYS: " 30 ",
      ATTACHMENT_MAX_BYTES: "2048",
      ATTACHMENT_MAX_TOTAL_BYTES: "1024",
      ATTACHMENT_TYPES: "png, .PDF",
      APP_URL: "https://help.example.com/",
      MAIL_FROM: "Help desk <helpdesk@example.com>",
      HELPDESK_EMAIL: "",
      STORAGE_DRIVER: "S3",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_BUCKET: "ticketry-files",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
      SEED_DEMO: "0",
      DATABASE_URL: "postgresql://app:pw@db.internal:5432/ticketry?sslmode=require",
    });
    expect(env).toMatchObject({
      outboxIntervalSeconds: 0,
      invoiceDueDays: 30,
      appUrl: "https://help.example.com",
      mailFrom: "Help desk <helpdesk@example.com>",
      helpdeskEmail: "helpdesk@ticketry.localhost",
      seedDemo: false,
      storage: { driver: "s3", s3Region: "us-east-1", s3Bucket: "ticketry-files" },
      attachments: { maxFileBytes: 2048, maxTotalBytes: 2048, maxFiles: 10 },
    });
    expect(env.attachments.types.map((t) => t.key)).toEqual(["png", "pdf"]);
  });

  it("keeps the defaults: delivery every minute (off on Vercel), the embedded database with its demo", () => {
    expect(load(base())).toMatchObject({ outboxIntervalSeconds: 60, embedded: true, seedDemo: true, invoiceDueDays: 14, storage: { driver: "postgres" } });
    expect(load({ ...base(), VERCEL: "1" }).outboxIntervalSeconds).toBe(0);
  });
});

describe("serving and proxy settings", () => {
  const base = (): EnvSource => ({ NODE_ENV: "test", AUTH_SECRET: "s".repeat(32), DATA_DIR: mkdtempSync(path.join(tmpdir(), "ticketry-env-")) });

  it("reads the proxy rule and the listening address", () => {
    const env = load({ ...base(), TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::/32 192.0.2.1", HOST: "0.0.0.0", PORT: "8080" });
    expect(env.clientIp).toEqual({ onVercel: false, trustedProxyHops: 0, trustedProxies: ["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"], peerStamped: false });
    expect(env.host).toBe("0.0.0.0");
    expect(env.port).toBe(8080);
    expect(load({ ...base(), TRUSTED_PROXY_HOPS: "2" }).clientIp.trustedProxyHops).toBe(2);
    // Set by scripts/serve.ts for the app it serves.
    expect(load({ ...base(), TICKETRY_PEER_STAMPED: "1" }).clientIp.peerStamped).toBe(true);
  });

  it("defaults to no proxy, no explicit host and port 3000", () => {
    const env = load({ ...base(), TRUSTED_PROXY_HOPS: "", HOST: " " });
    expect(env.clientIp).toEqual({ onVercel: false, trustedProxyHops: 0, trustedProxies: [], peerStamped: false });
    expect(env.host).toBeUndefined();
    expect(env.port).toBe(3000);
  });

  it.each([
    [{ TRUSTED_PROXY_HOPS: "-1" }, /TRUSTED_PROXY_HOPS: must be a whole number of proxies/],
    [{ TRUSTED_PROXY_HOPS: "11" }, /TRUSTED_PROXY_HOPS: must be between 0 and 10/],
    [{ TRUSTED_PROXY_HOPS: "one" }, /TRUSTED_PROXY_HOPS/],
    [{ TRUSTED_PROXIES: "10.0.0.0/8, 10.0.0.0/40, proxy.local" }, /TRUSTED_PROXIES: .*not: 10\.0\.0\.0\/40, proxy\.local/],
    [{ TRUSTED_PROXIES: "10.0.0.0/8", TRUSTED_PROXY_HOPS: "1" }, /not both/],
    [{ HOST: "0.0.0.0; rm -rf /" }, /HOST/],
    [{ PORT: "70000" }, /PORT/],
  ])("refuses %j", (values, message) => {
    expect(() => load({ ...base(), ...values })).toThrow(message);
  });
});
