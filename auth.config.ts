import type { NextAuthConfig } from "next-auth";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-policy";
import { env } from "@/lib/env";

/**
 * The part of the Auth.js configuration the proxy can use. It only redirects for comfort: every
 * page, action and route handler checks the session and a permission again (lib/auth/session.ts).
 */
export const authConfig = {
  secret: env.authSecret,
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // Set once at sign-in and never from client input: the session version and the session row
      // (sid) are checked against the database on every request, so a changed password or role,
      // a sign-out or an ended session ends this token.
      if (user) {
        const u = user as { id?: string; role?: string; sessionVersion?: number; sessionId?: string };
        token.sub = u.id;
        token.role = u.role;
        token.sv = u.sessionVersion;
        token.sid = u.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        (session.user as { role?: unknown }).role = token.role;
        (session as { sv?: unknown }).sv = token.sv;
        (session as { sid?: unknown }).sid = token.sid;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;

export const PUBLIC_PATHS = ["/sign-in", "/register", "/verify", "/forgot-password", "/reset-password", "/api"];
