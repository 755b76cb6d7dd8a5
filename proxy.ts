import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_PATHS } from "./auth.config";

/**
 * Sends visitors without a session cookie to sign-in. Comfort only: every page, action and route
 * handler checks the session (signature, expiry, session version) and a permission itself.
 *
 * Deliberately not Auth.js's `auth` wrapper: that one re-issues the session cookie on every request,
 * and a prefetch answered after a sign-out would bring the deleted cookie back.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export default function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) return NextResponse.next();
  const hasSession = request.cookies
    .getAll()
    .some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (hasSession) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webp)$).*)"],
};
