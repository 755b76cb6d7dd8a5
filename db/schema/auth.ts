import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./columns";
import { companies, departments } from "./org";

/** Roles and permissions are rows (seed 004's ACL), seeded with defaults and editable by an admin. */
export const roles = pgTable("roles", {
  key: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull().default(""),
  builtIn: boolean().notNull().default(false),
  createdAt: createdAt(),
});

export const permissions = pgTable("permissions", {
  key: text().primaryKey(),
  description: text().notNull().default(""),
});

export const rolePermissions = pgTable(
  "role_permissions",
  {
    roleKey: text()
      .notNull()
      .references(() => roles.key, { onDelete: "cascade", onUpdate: "cascade" }),
    permissionKey: text()
      .notNull()
      .references(() => permissions.key, { onDelete: "cascade", onUpdate: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.roleKey, t.permissionKey] })],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    name: text().notNull(),
    email: text().notNull(),
    passwordHash: text(),
    emailVerifiedAt: tstz(),
    roleKey: text()
      .notNull()
      .references(() => roles.key, { onDelete: "restrict", onUpdate: "cascade" }),
    companyId: uuid().references(() => companies.id, { onDelete: "set null" }),
    active: boolean().notNull().default(true),
    /** Bumped by a password change, reset, role change or deactivation: older sessions stop at once. */
    sessionVersion: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.roleKey),
    index("users_company_idx").on(t.companyId),
  ],
);

export const departmentMembers = pgTable(
  "department_members",
  {
    departmentId: uuid()
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.userId] }), index("department_members_user_idx").on(t.userId)],
);

export const tokenPurpose = pgEnum("token_purpose", ["verify_email", "reset_password", "set_password"]);

/** Verification, reset and invite tokens: only the SHA-256 of the token is stored; single use, expiring. */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurpose().notNull(),
    tokenHash: text().notNull(),
    expiresAt: tstz().notNull(),
    usedAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("user_tokens_hash_key").on(t.tokenHash), index("user_tokens_user_idx").on(t.userId, t.purpose)],
);

/** Sign-in attempts, kept in PostgreSQL so throttling holds across instances. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("login_attempts_email_idx").on(t.email, t.createdAt),
    index("login_attempts_ip_idx").on(t.ip, t.createdAt),
  ],
);

/**
 * One row per signed-in browser. The session JWT carries this row's id; a row that is ended (sign-out,
 * "end this session", a password change …) refuses the JWT on its next request, however long the
 * cookie itself would still be valid.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ip: text(),
    userAgent: text(),
    createdAt: createdAt(),
    lastSeenAt: tstz().notNull().defaultNow(),
    endedAt: tstz(),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.lastSeenAt.desc()).where(sql`${t.endedAt} IS NULL`)],
);

/**
 * Fixed-window counters for rate limits (mail-sending forms now, API tokens later), in PostgreSQL so a
 * limit holds across every instance. One row per (key, window); old windows are deleted lazily.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().notNull(),
    windowStart: tstz().notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_window_idx").on(t.windowStart)],
);
