import { z } from "zod";
import { safeLine } from "@/lib/input";

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your e-mail address.")
  .max(254, "That address is too long.")
  .email("Enter a valid e-mail address, like name@example.com.")
  .transform((v) => v.toLowerCase());

export const newPasswordField = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((v) => v.trim().length === v.length || v.trim().length >= 10, "Use at least 10 characters.");

/** A new password typed twice: the fields, and the check that the repeat matches (on the repeat). */
const newPasswordPair = { password: newPasswordField, confirmPassword: z.string() };
const repeatMatches = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
const repeatMismatch = { path: ["confirmPassword"], message: "The passwords do not match." };

/** A link's token: base64url from tokens.ts; anything else is simply not a valid link. */
export const tokenField = z.string("This link is not valid.").regex(/^[A-Za-z0-9_-]{20,200}$/, "This link is not valid.");

export const nameField = safeLine().min(1, "Enter your name.").max(120, "Use at most 120 characters.");

export const registerSchema = z
  .object({
    name: nameField,
    email: emailField,
    ...newPasswordPair,
  })
  .strict()
  .refine(repeatMatches, repeatMismatch);

export const signInSchema = z
  .object({
    email: emailField,
    password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
  })
  .strict();

export const emailOnlySchema = z.object({ email: emailField }).strict();

export const resetPasswordSchema = z
  .object({
    token: tokenField,
    ...newPasswordPair,
  })
  .strict()
  .refine(repeatMatches, repeatMismatch);

export const profileSchema = z.object({ name: nameField }).strict();

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    ...newPasswordPair,
  })
  .strict()
  .refine(repeatMatches, repeatMismatch)
  .refine((v) => v.password !== v.currentPassword, { path: ["password"], message: "Choose a password different from the current one." });

export type RegisterInput = z.infer<typeof registerSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** One of the reader's own sessions (account page, "End"). */
export const sessionRefSchema = z.object({ sessionId: z.uuid("Choose a session from the list.") }).strict();
