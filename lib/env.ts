import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { invalidCidrs } from "@/lib/http/ip-address";

/**
 * The only reader of process.env. Empty strings count as unset so that `FOO=` in a .env file
 * does not silently become a value.
 */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional,
  PGLITE_DIR: optional,
  DATA_DIR: optional,
  AUTH_SECRET: optional,
  APP_URL: optional,
  AUTH_URL: optional,
  RESEND_API_KEY: optional,
  MAIL_FROM: optional,
  HELPDESK_EMAIL: optional,
  ACCOUNTING_EMAIL: optional,
  ORDERS_EMAIL: optional,
  CRON_SECRET: optional,
  ADMIN_EMAIL: optional,
  SEED_DEMO: optional,
  // Attachments (lib/attachments/config.ts validates the values)
  ATTACHMENT_MAX_BYTES: optional,
  ATTACHMENT_MAX_TOTAL_BYTES: optional,
  ATTACHMENT_MAX_FILES: optional,
  ATTACHMENT_TYPES: optional,
  // Billing: days between an invoice's issue date and its due date
  INVOICE_DUE_DAYS: optional.pipe(
    z
      .string()
      .regex(/^\d{1,3}$/, "must be a whole number of days (0–365)")
      .transform(Number)
      .refine((n) => n <= 365, "must be at most 365 days")
      .optional(),
  ),
  STORAGE_DRIVER: optional,
  S3_ENDPOINT: optional,
  S3_BUCKET: optional,
  S3_REGION: optional,
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  OUTBOX_INTERVAL_SECONDS: optional,
  VERCEL: optional,
  RESEND_BASE_URL: optional,
  // Serving (scripts/serve.ts) and the client's address (lib/http/client-ip.ts)
  HOST: optional.pipe(
    z
      .string()
      .regex(/^(?:[A-Za-z0-9.-]+|[0-9A-Fa-f:.]+)$/, "must be an address or host name to listen on, e.g. 0.0.0.0 or 127.0.0.1")
      .optional(),
  ),
  PORT: optional.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, "must be a port number")
      .transform(Number)
      .refine((n) => n <= 65535, "must be a port number")
      .optional(),
  ),
  TRUSTED_PROXY_HOPS: optional.pipe(
    z
      .string()
      .regex(/^\d{1,2}$/, "must be the number of proxies in front of the app (0–10)")
      .transform(Number)
      .refine((n) => n <= 10, "must be at most 10")
      .optional(),
  ),
  // Not a setting: scripts/serve.ts sets it for the app it serves (lib/http/client-ip.ts says why).
  TICKETRY_PEER_STAMPED: optional,
  TRUSTED_PROXIES: optional.pipe(
    z
      .string()
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .superRefine((list, ctx) => {
        const bad = invalidCidrs(list);
        if (bad.length) ctx.addIssue({ code: "custom", message: `must be addresses or CIDR ranges (e.g. 10.0.0.0/8, 2001:db8::/32); not: ${bad.join(", ")}` });
      })
      .optional(),
  ),
}).refine((raw) => !(raw.TRUSTED_PROXIES && raw.TRUSTED_PROXY_HOPS !== undefined), {
  message: "set TRUSTED_PROXIES or TRUSTED_PROXY_HOPS, not both",
  path: ["TRUSTED_PROXIES"],
});

/** Reads and checks the configuration (exported for its tests; everything else uses `env`). */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ raw.DATA_DIR ?? ".data");
  const embedded = !raw.DATABASE_URL;
  const isProduction = raw.NODE_ENV === "production";
  const appUrl = (raw.APP_URL ?? raw.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return {
    nodeEnv: raw.NODE_ENV,
    isProduction,
    isTest: raw.NODE_ENV === "test",
    databaseUrl: raw.DATABASE_URL,
    embedded,
    dataDir,
    pgliteDir: path.resolve(/*turbopackIgnore: true*/ raw.PGLITE_DIR ?? path.join(dataDir, "pglite")),
    authSecret: resolveAuthSecret(raw.AUTH_SECRET, { embedded, isProduction, dataDir }),
    appUrl,
    resendApiKey: raw.RESEND_API_KEY,
    resendBaseUrl: raw.RESEND_BASE_URL,
    mailFrom: raw.MAIL_FROM ?? "Ticketry <helpdesk@ticketry.localhost>",
    helpdeskEmail: raw.HELPDESK_EMAIL ?? "helpdesk@ticketry.localhost",
    accountingEmail: raw.ACCOUNTING_EMAIL ?? "accounting@ticketry.localhost",
    ordersEmail: raw.ORDERS_EMAIL ?? "orders@ticketry.localhost",
    cronSecret: raw.CRON_SECRET,
    /** Periodic outbox delivery inside a long-running server; off on Vercel (its cron calls the route). */
    outboxIntervalSeconds: Number(raw.OUTBOX_INTERVAL_SECONDS ?? (raw.VERCEL ? 0 : 60)) || 0,
    adminEmail: raw.ADMIN_EMAIL,
    /** Where scripts/serve.ts listens; HOST undefined means "decide" (see scripts/serve-host.ts). */
    host: raw.HOST,
    port: raw.PORT ?? 3000,
    /** Which forwarding headers to believe (lib/http/client-ip.ts). */
    clientIp: {
      onVercel: !!raw.VERCEL,
      trustedProxyHops: raw.TRUSTED_PROXY_HOPS ?? 0,
      trustedProxies: raw.TRUSTED_PROXIES ?? [],
      peerStamped: raw.TICKETRY_PEER_STAMPED === "1",
    },
    invoiceDueDays: raw.INVOICE_DUE_DAYS ?? 14,
    attachments: {
      maxBytes: raw.ATTACHMENT_MAX_BYTES,
      maxTotalBytes: raw.ATTACHMENT_MAX_TOTAL_BYTES,
      maxFiles: raw.ATTACHMENT_MAX_FILES,
      types: raw.ATTACHMENT_TYPES,
    },
    storage: {
      driver: raw.STORAGE_DRIVER,
      s3Endpoint: raw.S3_ENDPOINT,
      s3Bucket: raw.S3_BUCKET,
      s3Region: raw.S3_REGION,
      s3AccessKeyId: raw.S3_ACCESS_KEY_ID,
      s3SecretAccessKey: raw.S3_SECRET_ACCESS_KEY,
    },
    // Known demo passwords only where nobody can reach them by accident.
    seedDemo: raw.SEED_DEMO === "1" || raw.SEED_DEMO === "true" || (embedded && raw.SEED_DEMO !== "0"),
  };
}

const MIN_SECRET = 32;

export function resolveAuthSecret(
  given: string | undefined,
  ctx: { embedded: boolean; isProduction: boolean; dataDir: string },
): string {
  if (given && given.length >= MIN_SECRET) return given;
  if (!ctx.embedded && ctx.isProduction) {
    throw new Error(
      given
        ? `AUTH_SECRET is too short (${given.length} characters); use at least ${MIN_SECRET}, e.g. \`openssl rand -base64 32\`.`
        : "AUTH_SECRET is not set. A production deployment on PostgreSQL needs one: `openssl rand -base64 32`.",
    );
  }
  if (given) return given; // development with an explicit short secret: allowed, it is the developer's choice
  // Embedded default: make one secret once and keep it, so sessions survive a restart.
  const file = path.join(ctx.dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(ctx.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export type Env = ReturnType<typeof loadEnv>;
export const env: Env = loadEnv();
