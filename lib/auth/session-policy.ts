/**
 * Session lifetimes, shared by the Auth.js configuration (which the proxy also loads, so this file
 * imports nothing) and the session rows in lib/auth/sessions.ts.
 */

/** How long a session cookie lives. A session row idle this long has expired with its cookie. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** last_seen_at is written at most this often per session, not on every request. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;
