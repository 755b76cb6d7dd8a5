import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticate } from "@/lib/auth/authenticate";
import { endSignedOutSession, startSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";

/** Carries our typed refusal (throttled, unverified …) through Auth.js to the sign-in action. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A refused sign-in is an expected outcome (shown to the user), not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  events: {
    // Every sign-out (the header's button, /api/auth/signout) ends the session row before Auth.js
    // clears the cookie, so a copy of the cookie opens nothing afterwards.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub && typeof token.sid === "string") await endSignedOutSession(token.sub, token.sid);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const ip = clientIp(request.headers);
          const user = await authenticate({ email: credentials?.email, password: credentials?.password }, ip);
          const sessionId = await startSession(user.id, { ip, userAgent: request.headers.get("user-agent") });
          return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion, sessionId };
        } catch (error) {
          if (error instanceof AppError) throw new SignInRefused(`${error.code}:${error.message}`, error.message);
          throw error;
        }
      },
    }),
  ],
});
