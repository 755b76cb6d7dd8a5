import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";

/**
 * The part of the Auth.js configuration the proxy can use. It only redirects for comfort: every
 * page, action and route handler checks the session and a permission again (lib/auth/session.ts).
 */
export const authConfig = {
  secret: env.authSecret,
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // Set once at sign-in and never from client input: the session version is compared with the
      // database on every request, so a changed password or role ends this token.
      if (user) {
        const u = user as { id?: string; role?: string; sessionVersion?: number };
        token.sub = u.id;
        token.role = u.role;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        (session.user as { role?: unknown }).role = token.role;
        (session as { sv?: unknown }).sv = token.sv;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;

export const PUBLIC_PATHS = ["/sign-in", "/register", "/verify", "/forgot-password", "/reset-password", "/api"];
