import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

// Redirects signed-out visitors to sign-in. Comfort only: the real checks are in every page and action.
const { auth } = NextAuth(authConfig);
export default auth;

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webp)$).*)"],
};
