import "server-only";
import { CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { AppError, type ErrorCode } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { signInSchema } from "./schemas";

/**
 * Signs in with e-mail and password through Auth.js (which sets the session cookie). A refusal is
 * an AppError with the code and words authenticate() gave it (auth.ts carries them through Auth.js
 * as "<code>:<message>"): wrong password, throttled, unverified.
 */
export async function signInWithPassword(input: unknown): Promise<void> {
  const credentials = parseInput(signInSchema, input);
  try {
    await signIn("credentials", { ...credentials, redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const [code, ...rest] = String(error.code).split(":");
    throw new AppError(code as ErrorCode, rest.join(":") || "Wrong e-mail address or password.");
  }
}
