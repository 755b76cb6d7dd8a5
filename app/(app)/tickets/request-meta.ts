import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "@/lib/tickets/history";

/** Who asked, for ticket history rows (IP and user agent; channel "web"). */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip");
  return { ip: ip || null, userAgent: h.get("user-agent"), channel: "web" };
}
