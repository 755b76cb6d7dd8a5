import { NextResponse, type NextRequest } from "next/server";
import { guardRequest } from "./lib/http/request-guard";
import { PUBLIC_PATHS } from "./auth.config";
import { pageSecurity } from "./lib/http/page-security";

/**
 * Every page passes here: it gets its Content-Security-Policy nonce (lib/http/page-security.ts),
 * and visitors without a session cookie are sent to sign-in. That redirect is comfort only: every
 * page, action and route handler checks the session (signature, expiry, session version) and a
 * permission itself.
 *
 * Deliberately not Auth.js's `auth` wrapper: that one re-issues the session cookie on every request,
 * and a prefetch answered after a sign-out would bring the deleted cookie back.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export default async function proxy(request: NextRequest) {
  // Hostile requests Next would answer with a 500 (malformed escapes, cross-site or undecodable
  // server action calls) are refused first; API routes check their own caller (lib/http/route.ts).
  if (request.nextUrl.pathname.startsWith("/api/")) return (await guardRequest(request)) ?? NextResponse.next();
  const security = pageSecurity(request);
  const refused = await guardRequest(request, security.forward);
  return security.apply(refused ?? signInGate(request, security.forward));
}

function signInGate(request: NextRequest, forward: { request: { headers: Headers } }): NextResponse {
  const path = request.nextUrl.pathname;
  if (PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) return NextResponse.next(forward);
  const hasSession = request.cookies
    .getAll()
    .some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (hasSession) return NextResponse.next(forward);
  const url = new URL("/sign-in", request.url);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webp)$).*)", "/api/:path*"],
};
