import { NextResponse } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

/** page-security reads APP_URL and NODE_ENV through lib/env, loaded fresh for each case. */
async function load(appUrl: string, nodeEnv = "production") {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  vi.stubEnv("NODE_ENV", nodeEnv);
  return (await import("./page-security")).pageSecurity;
}

afterEach(() => vi.unstubAllEnvs());

function nonceOf(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([^']+)'/)?.[1];
}

describe("pageSecurity", () => {
  it("renders the page with the same policy (and nonce) the browser receives", async () => {
    const pageSecurity = await load("http://localhost:3000");
    const request = new Request("http://localhost:3000/tickets", {
      headers: { "content-security-policy": "script-src 'nonce-attacker'", cookie: "a=b" },
    });
    const security = pageSecurity(request);
    const response = security.apply(new Response("ok"));
    const sent = response.headers.get("content-security-policy");
    const forwarded = security.forward.request.headers.get("content-security-policy");
    expect(forwarded).toBe(sent);
    expect(nonceOf(sent)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(sent).not.toContain("attacker");
    expect(sent).not.toContain("unsafe-eval");
    expect(security.forward.request.headers.get("cookie")).toBe("a=b");
  });

  it("uses a new nonce for every request", async () => {
    const pageSecurity = await load("http://localhost:3000");
    const request = new Request("http://localhost:3000/");
    const a = pageSecurity(request).apply(new Response()).headers.get("content-security-policy");
    const b = pageSecurity(request).apply(new Response()).headers.get("content-security-policy");
    expect(nonceOf(a)).not.toBe(nonceOf(b));
  });

  it("adds HSTS only when APP_URL is https", async () => {
    const onHttp = (await load("http://help.example.com"))(new Request("http://help.example.com/")).apply(new Response());
    expect(onHttp.headers.get("strict-transport-security")).toBeNull();
    const onHttps = (await load("https://help.example.com"))(new Request("https://help.example.com/")).apply(new Response());
    expect(onHttps.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(onHttps.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("sets the headers on a redirect too", async () => {
    const pageSecurity = await load("https://help.example.com");
    const redirect = pageSecurity(new Request("https://help.example.com/tickets")).apply(NextResponse.redirect("https://help.example.com/sign-in"));
    expect(redirect.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
