import { NextResponse, type NextRequest } from "next/server";
import { guardRequest } from "./lib/http/request-guard";
import { PUBLIC_PATHS } from "./auth.config";

/**
 * Sends visitors without a session cookie to sign-in. Comfort only: every page, action and route
 * handler checks the session (signature, expiry, session version) and a permission itself.
 *
 * Deliberately not Auth.js's `auth` wrapper: that one re-issues the session cookie on every request,
 * and a prefetch answered after a sign-out would bring the deleted cookie back.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export default async function proxy(request: NextRequest) {
  // Hostile requests Next would answer with a 500 (malformed escapes, cross-site or undecodable
  // server action calls) are refused first; API routes check their own caller (lib/http/route.ts).
  const refused = await guardRequest(request);
  if (refused) return refused;
  const path = request.nextUrl.pathname;
  if (path.startsWith("/api/")) return NextResponse.next();
  if (PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) return NextResponse.next();
  const hasSession = request.cookies
    .getAll()
    .some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (hasSession) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webp)$).*)", "/api/:path*"],
};
