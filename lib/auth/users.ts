import { eq, sql } from "drizzle-orm";
import type { Conn } from "@/db";
import { users } from "@/db/schema";

/** Finds a user by e-mail, case-insensitively; only the columns the auth flows need. */
export async function findUserByEmail(conn: Conn, email: string) {
  const [row] = await conn
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.roleKey,
      active: users.active,
      emailVerifiedAt: users.emailVerifiedAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}
