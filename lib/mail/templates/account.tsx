import { EmailLayout, P } from "./layout";
import type { MailTemplate } from "./types";

export function verifyEmailMail(p: { name: string; link: string }): MailTemplate {
  return {
    subject: "Confirm your e-mail address",
    sensitive: true,
    element: (
      <EmailLayout preview="Confirm your address to finish signing up" heading={`Welcome, ${p.name}`} action={{ label: "Confirm my address", href: p.link }}>
        <P>Confirm your e-mail address to finish creating your Ticketry account. The link works once and expires in 48 hours.</P>
        <P>If you did not sign up, ignore this message.</P>
      </EmailLayout>
    ),
  };
}

export function resetPasswordMail(p: { name: string; link: string }): MailTemplate {
  return {
    subject: "Reset your password",
    sensitive: true,
    element: (
      <EmailLayout preview="A link to choose a new password" heading="Reset your password" action={{ label: "Choose a new password", href: p.link }}>
        <P>Hello {p.name}, somebody (hopefully you) asked to reset your Ticketry password. The link works once and expires in one hour.</P>
        <P>Using it signs you out everywhere else. If you did not ask, ignore this message: your password stays as it is.</P>
      </EmailLayout>
    ),
  };
}

export function setPasswordMail(p: { name: string; link: string; reason: "invite" | "first_admin" | "claim" }): MailTemplate {
  const intro =
    p.reason === "first_admin"
      ? "This Ticketry installation was created with you as its first administrator."
      : p.reason === "claim"
        ? "A Ticketry account was created for you when you wrote to our help desk."
        : "You have been invited to join the Ticketry help desk.";
  return {
    subject: p.reason === "invite" ? "You're invited to Ticketry: set your password" : "Set your Ticketry password",
    sensitive: true,
    element: (
      <EmailLayout preview="Choose a password to start" heading={`Hello ${p.name}`} action={{ label: "Set my password", href: p.link }}>
        <P>{intro} Choose a password to start. The link works once and expires in 72 hours.</P>
      </EmailLayout>
    ),
  };
}

export function alreadyRegisteredMail(p: { name: string; signInLink: string; resetLink: string }): MailTemplate {
  return {
    subject: "You already have a Ticketry account",
    element: (
      <EmailLayout preview="Somebody tried to sign up with your address" heading={`Hello ${p.name}`} action={{ label: "Sign in", href: p.signInLink }}>
        <P>Somebody (hopefully you) tried to create a Ticketry account with this address, but it already has one.</P>
        <P>Sign in, or if you forgot your password, reset it here: {p.resetLink}</P>
      </EmailLayout>
    ),
  };
}
