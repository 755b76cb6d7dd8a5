/**
 * `token=<value>` in a link, in text or in HTML (where the `&` before it may be written `&amp;`).
 * Tokens are base64url (lib/auth/tokens.ts), so the value ends at the first other character.
 */
const TOKEN_PARAM = /([?&](?:amp;)?token=)[A-Za-z0-9_-]+/g;

export const REDACTED = "[redacted]";

/**
 * The stored copy of a mail with its single-use links made useless: the path stays readable
 * (`/reset-password?token=[redacted]`) so an admin still sees what kind of link was sent.
 */
export function redactLinks(body: string): string {
  return body.replace(TOKEN_PARAM, `$1${REDACTED}`);
}
