import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { TYPE_CHOICES, typesFromList } from "@/lib/attachments/type-list";
import { invalidCidrs } from "@/lib/http/ip-address";

/**
 * The only reader of process.env, validated once at boot: every variable has a schema, and a bad
 * value stops the start with one line per variable saying what is expected (never a silent default:
 * OUTBOX_INTERVAL_SECONDS=60s used to turn mail delivery off). Empty strings count as unset so that
 * `FOO=` in a .env file does not silently become a value.
 */
const given = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(given, schema.optional());

const text = optional(z.string());
const wholeNumber = (unit: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  optional(
    z
      .string()
      .regex(/^\d+$/, `must be a whole number of ${unit}`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, max === Number.MAX_SAFE_INTEGER ? `must be at least ${min} ${unit}` : `must be between ${min} and ${max} ${unit}`),
  );
const httpUrl = (example: string) =>
  optional(z.url({ protocol: /^https?$/, error: `must be an http:// or https:// address, like ${example}` }));
const email = optional(z.email("must be an e-mail address, like helpdesk@example.com"));
/** "Name <address>" or a bare address. */
const mailbox = optional(
  z.string().refine((v) => {
    const address = v.match(/^[^<>]*<\s*([^<>\s]+)\s*>$/)?.[1] ?? v;
    return z.email().safeParse(address).success;
  }, "must be an e-mail address, optionally with a name: Help desk <helpdesk@example.com>"),
);
const MB = 1024 * 1024;
const S3_NEEDS = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

const schema = z
  .object({
    NODE_ENV: optional(z.enum(["development", "production", "test"], "must be development, production or test")),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/, "must be a PostgreSQL URL: postgres://user:password@host:5432/database")),
    PGLITE_DIR: text,
    DATA_DIR: text,
    AUTH_SECRET: text,
    APP_URL: httpUrl("https://help.example.com"),
    AUTH_URL: httpUrl("https://help.example.com"),
    RESEND_API_KEY: text,
    RESEND_BASE_URL: httpUrl("https://api.resend.com"),
    MAIL_FROM: mailbox,
    HELPDESK_EMAIL: email,
    ACCOUNTING_EMAIL: email,
    ORDERS_EMAIL: email,
    CRON_SECRET: text,
    ADMIN_EMAIL: email,
    SEED_DEMO: optional(z.enum(["0", "1", "true", "false"], "must be 1 (seed the demo accounts) or 0 (never)")),
    ATTACHMENT_MAX_BYTES: wholeNumber("bytes", 1),
    ATTACHMENT_MAX_TOTAL_BYTES: wholeNumber("bytes", 1),
    ATTACHMENT_MAX_FILES: wholeNumber("files", 1),
    ATTACHMENT_TYPES: text,
    /** Days between an invoice's issue date and its due date. */
    INVOICE_DUE_DAYS: wholeNumber("days", 0, 365),
    STORAGE_DRIVER: optional(z.string().toLowerCase().pipe(z.enum(["postgres", "s3"], 'must be "postgres" (the default) or "s3"'))),
    S3_ENDPOINT: httpUrl("https://s3.eu-central-1.amazonaws.com"),
    S3_BUCKET: optional(z.string().regex(/^[A-Za-z0-9._-]+$/, "must be a bucket name (letters, digits, dots, dashes)")),
    S3_REGION: optional(z.string().regex(/^[a-z0-9-]+$/, "must be a region name like us-east-1")),
    S3_ACCESS_KEY_ID: text,
    S3_SECRET_ACCESS_KEY: text,
    /** 0 turns the in-process delivery off; at most a day. */
    OUTBOX_INTERVAL_SECONDS: wholeNumber("seconds (0 turns the in-process delivery off)", 0, 86_400),
    VERCEL: text,
    // npm run bench:http: a file the server appends every SQL statement to (one JSON line each), so the
    // bench can EXPLAIN exactly what a page sent. Unset in any real deployment.
    BENCH_SQL_LOG: text,
    // Serving (scripts/serve.ts) and the client's address (lib/http/client-ip.ts)
    HOST: optional(z.string().regex(/^(?:[A-Za-z0-9.-]+|[0-9A-Fa-f:.]+)$/, "must be an address or host name to listen on, e.g. 0.0.0.0 or 127.0.0.1")),
    PORT: optional(
      z
        .string()
        .regex(/^\d{1,5}$/, "must be a port number (1–65535)")
        .transform(Number)
        .refine((n) => n >= 1 && n <= 65_535, "must be a port number (1–65535)"),
    ),
    TRUSTED_PROXY_HOPS: wholeNumber("proxies in front of the app", 0, 10),
    TRUSTED_PROXIES: optional(
      z
        .string()
        .transform((v) => v.split(/[\s,]+/).filter(Boolean))
        .superRefine((list, ctx) => {
          const bad = invalidCidrs(list);
          if (bad.length) ctx.addIssue({ code: "custom", message: `must be addresses or CIDR ranges (e.g. 10.0.0.0/8, 2001:db8::/32); not: ${bad.join(", ")}` });
        }),
    ),
    // Not a setting: scripts/serve.ts sets it for the app it serves (lib/http/client-ip.ts says why).
    TICKETRY_PEER_STAMPED: text,
  })
  .superRefine((v, ctx) => {
    if (v.TRUSTED_PROXIES && v.TRUSTED_PROXY_HOPS !== undefined) {
      ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXIES"], message: "set TRUSTED_PROXIES or TRUSTED_PROXY_HOPS, not both" });
    }
    if (v.STORAGE_DRIVER === "s3") {
      for (const key of S3_NEEDS) if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when STORAGE_DRIVER=s3" });
    }
    const { types, unknown } = typesFromList(v.ATTACHMENT_TYPES);
    if (unknown.length) ctx.addIssue({ code: "custom", path: ["ATTACHMENT_TYPES"], message: `names types Ticketry cannot check safely: ${unknown.join(", ")}. ${TYPE_CHOICES}` });
    else if (types.length === 0) ctx.addIssue({ code: "custom", path: ["ATTACHMENT_TYPES"], message: `names no file type. ${TYPE_CHOICES}` });
  });

/** Values never echoed in an error (a URL may carry a password). */
const SECRET = /SECRET|KEY|PASSWORD|TOKEN|DATABASE_URL/;

export type EnvSource = Record<string, string | undefined>;

/** Parses a set of variables (process.env at boot; tests pass their own) or throws one message naming every bad one. */
export function load(source: EnvSource = process.env) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = i.path.join(".");
      const value = given(source[key]);
      return `  ${key}: ${i.message}${typeof value === "string" && !SECRET.test(key) ? ` (got "${value.slice(0, 80)}")` : ""}`;
    });
    throw new Error(`Invalid configuration: fix these environment variables and start again.\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  const nodeEnv = raw.NODE_ENV ?? "development";
  const dataDir = path.resolve(/*turbopackIgnore: true*/ raw.DATA_DIR ?? ".data");
  const embedded = !raw.DATABASE_URL;
  const isProduction = nodeEnv === "production";
  const appUrl = (raw.APP_URL ?? raw.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  const maxFileBytes = raw.ATTACHMENT_MAX_BYTES ?? 10 * MB;
  return {
    nodeEnv,
    isProduction,
    isTest: nodeEnv === "test",
    databaseUrl: raw.DATABASE_URL,
    embedded,
    dataDir,
    pgliteDir: path.resolve(/*turbopackIgnore: true*/ raw.PGLITE_DIR ?? path.join(dataDir, "pglite")),
    authSecret: resolveAuthSecret(raw.AUTH_SECRET, { embedded, isProduction, dataDir }),
    appUrl,
    resendApiKey: raw.RESEND_API_KEY,
    resendBaseUrl: raw.RESEND_BASE_URL,
    benchSqlLog: raw.BENCH_SQL_LOG,
    mailFrom: raw.MAIL_FROM ?? "Ticketry <helpdesk@ticketry.localhost>",
    helpdeskEmail: raw.HELPDESK_EMAIL ?? "helpdesk@ticketry.localhost",
    accountingEmail: raw.ACCOUNTING_EMAIL ?? "accounting@ticketry.localhost",
    ordersEmail: raw.ORDERS_EMAIL ?? "orders@ticketry.localhost",
    cronSecret: raw.CRON_SECRET,
    /** Periodic outbox delivery inside a long-running server; off on Vercel (its cron calls the route). */
    outboxIntervalSeconds: raw.OUTBOX_INTERVAL_SECONDS ?? (raw.VERCEL ? 0 : 60),
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
      maxFileBytes,
      // A total below one file's limit would refuse a single allowed file: it is raised to it.
      maxTotalBytes: Math.max(raw.ATTACHMENT_MAX_TOTAL_BYTES ?? 25 * MB, maxFileBytes),
      maxFiles: raw.ATTACHMENT_MAX_FILES ?? 10,
      types: typesFromList(raw.ATTACHMENT_TYPES).types,
    },
    storage: {
      driver: raw.STORAGE_DRIVER ?? "postgres",
      s3Endpoint: raw.S3_ENDPOINT,
      s3Bucket: raw.S3_BUCKET,
      s3Region: raw.S3_REGION ?? "us-east-1",
      s3AccessKeyId: raw.S3_ACCESS_KEY_ID,
      s3SecretAccessKey: raw.S3_SECRET_ACCESS_KEY,
    },
    // Known demo passwords only where nobody can reach them by accident.
    seedDemo: raw.SEED_DEMO === "1" || raw.SEED_DEMO === "true" || (embedded && raw.SEED_DEMO !== "0" && raw.SEED_DEMO !== "false"),
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

export type Env = ReturnType<typeof load>;
export const env: Env = load();
