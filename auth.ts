import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticate } from "@/lib/auth/authenticate";
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
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const user = await authenticate(
            { email: credentials?.email, password: credentials?.password },
            clientIp(request.headers),
          );
          return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (error instanceof AppError) throw new SignInRefused(`${error.code}:${error.message}`, error.message);
          throw error;
        }
      },
    }),
  ],
});
