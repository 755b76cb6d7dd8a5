import { AppError } from "@/lib/errors";

/**
 * Cookie-authenticated writes (uploads, deletions, server actions) are refused from another site.
 * SameSite=Lax already withholds the session cookie from cross-site POSTs; this is the second lock.
 * The host compared is the one the client addressed (X-Forwarded-Host behind a proxy, as Next's own
 * server-action check does); without an Origin header only Sec-Fetch-Site can tell.
 */
export function isSameOrigin(headers: Headers): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" (a sandboxed frame, a file:// page) or garbage
  }
}

export const CROSS_SITE_MESSAGE = "Requests from another site are refused.";

export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request.headers)) throw new AppError("forbidden", CROSS_SITE_MESSAGE);
}
