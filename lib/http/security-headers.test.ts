import { describe, expect, it } from "vitest";
import { CONFIG_HEADERS, contentSecurityPolicy, createNonce, hstsHeader, MAIL_PREVIEW_HEADERS, STATIC_SECURITY_HEADERS } from "./security-headers";

/** "script-src 'self' 'nonce-x'" → { "script-src": ["'self'", "'nonce-x'"] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const production = { nonce: "abc123+/XYZ=", development: false, https: false };

describe("contentSecurityPolicy", () => {
  it("lets scripts and styles run only with the request's nonce in production", () => {
    const d = directives(contentSecurityPolicy(production));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123+/XYZ='", "'strict-dynamic'"]);
    expect(d["style-src"]).toEqual(["'self'", "'nonce-abc123+/XYZ='"]);
  });

  it("never allows eval or inline code in production", () => {
    const policy = contentSecurityPolicy(production);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("unsafe-inline");
  });

  it("forbids framing, plugins, <base> and posting forms elsewhere", () => {
    const d = directives(contentSecurityPolicy(production));
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'none'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["connect-src"]).toEqual(["'self'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["img-src"]).toEqual(["'self'", "data:"]);
  });

  it("relaxes eval and inline styles only in development", () => {
    const d = directives(contentSecurityPolicy({ ...production, development: true }));
    expect(d["script-src"]).toContain("'unsafe-eval'");
    expect(d["script-src"]).toContain("'nonce-abc123+/XYZ='");
    expect(d["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("upgrades insecure requests only when the app is on https", () => {
    expect(contentSecurityPolicy(production)).not.toContain("upgrade-insecure-requests");
    expect(directives(contentSecurityPolicy({ ...production, https: true }))).toHaveProperty("upgrade-insecure-requests");
  });
});

describe("hstsHeader", () => {
  it.each(["https://help.example.com", "HTTPS://help.example.com"])("is sent for %s", (url) => {
    expect(hstsHeader(url)).toEqual({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  });

  it.each(["http://localhost:3000", "http://help.example.com"])("is not sent for %s", (url) => {
    expect(hstsHeader(url)).toBeNull();
  });
});

describe("createNonce", () => {
  it("is fresh each time and fits CSP's nonce syntax", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("STATIC_SECURITY_HEADERS", () => {
  it("denies framing and sniffing and switches off unused features", () => {
    const headers = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Permissions-Policy"]).toMatch(/(^|, )camera=\(\)/);
    expect(headers["Permissions-Policy"]).toMatch(/(^|, )geolocation=\(\)/);
  });
});

describe("CONFIG_HEADERS", () => {
  /** The value next.config.ts gives a path for a header: the last matching rule wins, as in Next.js. */
  function headerFor(path: string, key: string): string | undefined {
    const matches = (source: string) => new RegExp(`^${source.replace("/:path*", "(?:/.*)?").replace(/:\w+/g, "[^/]+")}$`).test(path);
    return CONFIG_HEADERS.filter(({ source }) => matches(source))
      .flatMap(({ headers }) => headers.filter((h) => h.key === key).map((h) => h.value))
      .at(-1);
  }

  it.each(["/", "/sign-in", "/reset-password", "/tickets/TKT-1", "/favicon.ico", "/apiary"])("gives the page %s same-origin", (path) => {
    expect(headerFor(path, "Referrer-Policy")).toBe("same-origin");
    expect(headerFor(path, "X-Frame-Options")).toBe("DENY");
  });

  it.each(["/api/attachments/1", "/api/auth/session"])("gives the API route %s no-referrer", (path) => {
    expect(headerFor(path, "Referrer-Policy")).toBe("no-referrer");
    expect(headerFor(path, "X-Frame-Options")).toBe("DENY");
  });

  it("lets only a mail's HTML be framed, and only by this site", () => {
    expect(headerFor("/api/mailbox/6f1c/html", "X-Frame-Options")).toBe("SAMEORIGIN");
    expect(headerFor("/api/mailbox/6f1c", "X-Frame-Options")).toBe("DENY");
    expect(headerFor("/admin/mailbox/6f1c", "X-Frame-Options")).toBe("DENY");
    expect(MAIL_PREVIEW_HEADERS["Content-Security-Policy"]).toContain("frame-ancestors 'self'");
    expect(MAIL_PREVIEW_HEADERS["Content-Security-Policy"]).toContain("sandbox");
    expect(MAIL_PREVIEW_HEADERS["Content-Security-Policy"]).not.toMatch(/script-src|unsafe-eval/);
  });
});
