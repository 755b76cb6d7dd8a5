"use server";

import { revalidatePath } from "next/cache";
import { actorOrThrow } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/notifications/inbox";

export async function markAllReadAction() {
  const actor = await actorOrThrow();
  await markNotificationsRead(actor);
  revalidatePath("/", "layout");
}
