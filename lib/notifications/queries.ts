import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { notifications } from "@/db/schema";

/** Unread in-app notifications of a user (the number on the bell). */
export async function countUnread(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(notifications)
    .where(and(eq(notifications.recipientId, userId), eq(notifications.channel, "in_app"), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The actor's in-app notifications, newest first. */
export async function listInbox(userId: string, limit = 50) {
  const db = await getDb();
  return db
    .select({
      id: notifications.id,
      subject: notifications.subject,
      text: notifications.text,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(eq(notifications.recipientId, userId), eq(notifications.channel, "in_app")))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}
