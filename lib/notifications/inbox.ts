import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";

/** Marks the actor's in-app notifications read: one, or all. Only ever the actor's own rows. */
export async function markNotificationsRead(actor: Actor, id?: string) {
  const db = await getDb();
  await db
    .update(notifications)
    .set({ readAt: now(), status: "read" })
    .where(
      and(
        eq(notifications.recipientId, actor.id),
        eq(notifications.channel, "in_app"),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    );
}
