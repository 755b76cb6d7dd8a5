/**
 * The one place that decides which address a request came from (sign-in throttle, ticket history,
 * attachments, later the API). Today it still believes the leftmost X-Forwarded-For, which any
 * caller can set: issue 9 replaces the body with the trusted-proxy rule; callers stay as they are.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
