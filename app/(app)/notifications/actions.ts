"use server";

import { action, EVERYTHING } from "@/lib/http/action";
import { markNotificationsRead } from "@/lib/notifications/inbox";

export const markAllReadAction = action({ name: "mark-all-read", revalidate: EVERYTHING }, async (actor) => {
  await markNotificationsRead(actor);
  return null;
});
