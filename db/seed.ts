import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "./index";
import { companies, departmentMembers, departments, permissions, projects, rolePermissions, roles, tasks, users } from "./schema";
import { ALL_PERMISSIONS, DEFAULT_ROLES, PERMISSIONS, ROLE_KEYS, type RoleKey } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { issueToken } from "@/lib/auth/tokens";
import { queueEmail } from "@/lib/mail/outbox";
import { setPasswordMail } from "@/lib/mail/templates/account";
import { seedDemoBilling } from "@/lib/billing/demo-seed";

/**
 * Roles and permissions every installation needs. Idempotent: grants are written when a role is
 * first created (an admin's later edits are kept), except that admin always holds every permission.
 */
export async function seedAccessControl(db: Db) {
  await db.transaction(async (tx) => {
    await tx
      .insert(permissions)
      .values(ALL_PERMISSIONS.map((key) => ({ key, description: PERMISSIONS[key] })))
      .onConflictDoUpdate({ target: permissions.key, set: { description: sql`excluded.description` } });
    for (const key of ROLE_KEYS) {
      const def = DEFAULT_ROLES[key];
      const created = await tx
        .insert(roles)
        .values({ key, name: def.name, description: def.description, builtIn: true })
        .onConflictDoNothing()
        .returning({ key: roles.key });
      if (created.length > 0 || key === "admin") {
        await tx
          .insert(rolePermissions)
          .values(def.permissions.map((permissionKey) => ({ roleKey: key, permissionKey })))
          .onConflictDoNothing();
      }
    }
  });
}

export const DEMO_PASSWORD = "ticketry-demo";
export const DEMO_USERS: { role: RoleKey; name: string; email: string }[] = [
  { role: "client", name: "Clara Client", email: "client@example.com" },
  { role: "agent", name: "Arne Agent", email: "agent@example.com" },
  { role: "agent_l2", name: "Lena Second-Line", email: "agent2@example.com" },
  { role: "accountant", name: "Aiko Accountant", email: "accountant@example.com" },
  { role: "manager", name: "Mona Manager", email: "manager@example.com" },
  { role: "admin", name: "Adam Admin", email: "admin@example.com" },
];

/** Demo data with known passwords: only on the embedded database, or with SEED_DEMO=1. Idempotent. */
export async function seedDemo(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [company] = await tx
      .insert(companies)
      .values({ name: "Acme Corp", description: "A demo customer company" })
      .onConflictDoUpdate({ target: companies.name, set: { name: sql`excluded.name` } })
      .returning({ id: companies.id });
    const [existingProject] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.companyId, company!.id));
    if (!existingProject) {
      const [project] = await tx
        .insert(projects)
        .values({ companyId: company!.id, name: "Website relaunch", description: "The new acme.example site" })
        .returning({ id: projects.id });
      await tx.insert(tasks).values([
        { projectId: project!.id, name: "Checkout flow", description: "Payment and order confirmation" },
        { projectId: project!.id, name: "Content migration", description: "Moving the old pages" },
      ]);
    }
    const depts = await tx
      .insert(departments)
      .values([
        { name: "General support", description: "Questions and problems of every kind" },
        { name: "Technical", description: "Servers, networks and deployments" },
        { name: "Billing", description: "Orders, invoices and payments" },
      ])
      .onConflictDoUpdate({ target: departments.name, set: { name: sql`excluded.name` } })
      .returning({ id: departments.id });

    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          name: u.name,
          email: u.email,
          roleKey: u.role,
          passwordHash,
          emailVerifiedAt: new Date(),
          companyId: u.role === "client" ? company!.id : null,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (row && (u.role === "agent" || u.role === "agent_l2" || u.role === "manager")) {
        await tx
          .insert(departmentMembers)
          .values(depts.map((d) => ({ departmentId: d.id, userId: row.id })))
          .onConflictDoNothing();
      }
    }
  });
  await seedDemoBilling(db);
}

/**
 * A real deployment starts with no known password: while no admin has one, the admin named by
 * ADMIN_EMAIL gets a single-use set-password link (returned to be printed, and mailed).
 */
export async function ensureFirstAdmin(db: Db, adminEmail: string, appUrl: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [ready] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.roleKey, "admin"), eq(users.active, true), sql`${users.passwordHash} is not null`))
      .limit(1);
    if (ready) return null;
    const email = adminEmail.toLowerCase();
    await tx.insert(users).values({ name: "Administrator", email, roleKey: "admin" }).onConflictDoNothing();
    const [admin] = await tx
      .select({ id: users.id, name: users.name, role: users.roleKey })
      .from(users)
      .where(and(eq(sql`lower(${users.email})`, email), isNull(users.passwordHash)));
    if (!admin || admin.role !== "admin") return null;
    const token = await issueToken(tx, admin.id, "set_password");
    const link = `${appUrl}/reset-password?token=${token}`;
    await queueEmail(tx, {
      type: "account.first_admin",
      to: email,
      recipientId: admin.id,
      template: setPasswordMail({ name: admin.name, link, reason: "first_admin" }),
    });
    return link;
  });
}
