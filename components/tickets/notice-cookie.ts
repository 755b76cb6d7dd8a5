/** The one-shot notice cookie (see app/(app)/tickets/flash.ts); named here so the browser side can use it too. */
export const NOTICE_COOKIE = "ticketry_notice";

/** From the browser: replace the pending notice (e.g. "created, but a file failed") before navigating. */
export function setNoticeFromBrowser(flash: { path: string; notice: string; number?: string }) {
  document.cookie = `${NOTICE_COOKIE}=${encodeURIComponent(JSON.stringify(flash))}; Max-Age=60; path=/; SameSite=Lax`;
}
