import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "@/lib/tickets/history";

/** Where an admin's change came from, for the ticket history's metadata. */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip");
  return { ip: ip || null, userAgent: h.get("user-agent"), channel: "web" };
}
