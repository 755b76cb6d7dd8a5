/**
 * The security headers of every response, as plain data: next.config.ts sets the static ones on
 * every route at build time; proxy.ts (through ./page-security.ts) adds the per-request
 * Content-Security-Policy and, read from the environment at run time, HSTS on every page.
 * No imports, so next.config.ts can load this file before anything else is built.
 */

export type Header = { key: string; value: string };

/** Set on every route, API and static files included. */
export const STATIC_SECURITY_HEADERS: readonly Header[] = [
  // Older browsers' frame-ancestors; nothing of ours is meant to be framed.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Features the help desk never uses, switched off for the page and anything it might embed.
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer=()",
      "autoplay=()",
      "camera=()",
      "display-capture=()",
      "geolocation=()",
      "gyroscope=()",
      "magnetometer=()",
      "microphone=()",
      "midi=()",
      "payment=()",
      "usb=()",
    ].join(", "),
  },
];

/**
 * Links carry tokens (password reset, e-mail verification): a page never sends its URL to another
 * site. Not `no-referrer` on pages: browsers then send `Origin: null` on same-origin POSTs, and the
 * server actions' origin check would refuse every form.
 */
export const PAGE_REFERRER_POLICY = "same-origin";
/** What API routes answer with (attachments set the same themselves): nothing there needs a referrer. */
export const API_REFERRER_POLICY = "no-referrer";

/**
 * next.config.ts `headers()`. A header set here replaces the same header set by a route handler,
 * hence the split: API routes get the stricter Referrer-Policy that lib/attachments/http.ts also sets.
 */
export const CONFIG_HEADERS = [
  { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
  { source: "/((?!api/).*)", headers: [{ key: "Referrer-Policy", value: PAGE_REFERRER_POLICY }] },
  { source: "/api/:path*", headers: [{ key: "Referrer-Policy", value: API_REFERRER_POLICY }] },
  // The one document meant for a frame: the built-in mailbox's page frames a mail's HTML (a later
  // rule wins over an earlier one for the same header).
  { source: "/api/mailbox/:id/html", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
];

/**
 * A mail's HTML, shown in the built-in mailbox. It cannot be an <iframe srcdoc>: that document would
 * inherit the page's policy, which refuses the inline style attributes every mail is made of. So it is
 * a document of its own, with a policy of its own: styles and inline images only, no scripts, no
 * requests, framed by this site alone, and sandboxed even when opened directly.
 */
export const MAIL_PREVIEW_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "private, no-store",
} as const;

/** Two years, subdomains included: the value hstspreload.org asks for. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** Only when the app is served over https: HSTS on a plain-http deployment would lock it out. */
export function hstsHeader(appUrl: string): Header | null {
  return appUrl.toLowerCase().startsWith("https://") ? { key: "Strict-Transport-Security", value: HSTS_VALUE } : null;
}

export type CspOptions = { nonce: string; development: boolean; https: boolean };

/**
 * The page policy. Scripts run only with this request's nonce; 'strict-dynamic' lets the nonced
 * Next.js runtime load its chunks ('self' stays for browsers without CSP 3, which ignore the rest).
 *
 * Styles: production stylesheets are same-origin <link>s and the few <style> elements Next.js
 * renders carry the nonce, so no 'unsafe-inline' — which also rules out `style="…"` attributes in
 * server-rendered HTML: use classes (the e2e CSP spec fails on a violation).
 * Development only: React needs eval() for its debug stacks and the dev overlay / hot reload insert
 * unnonced <style> elements; 'unsafe-inline' only counts where no nonce is listed, so the nonce goes.
 */
export function contentSecurityPolicy({ nonce, development, https }: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    // Attachment thumbnails are same-origin URLs; data: for small inline images (SVG icons in CSS).
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`);
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** A fresh nonce per request: 128 random bits, base64 (the alphabet CSP's nonce-source allows). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
