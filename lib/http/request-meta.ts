import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "@/lib/tickets/history";
import { clientIp } from "./client-ip";

/** Who asked, for history rows: the client's address, user agent and channel "web". */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const ip = clientIp(h);
  return { ip: ip === "unknown" ? null : ip, userAgent: h.get("user-agent")?.slice(0, 300) ?? null, channel: "web" };
}
