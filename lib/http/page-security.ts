import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce, hstsHeader } from "./security-headers";

/**
 * The per-request half of the security headers, for proxy.ts: a fresh nonce, the policy that
 * carries it, and HSTS decided at run time from APP_URL (next.config.ts headers are fixed at build).
 *
 * Next.js finds the nonce in the *request's* Content-Security-Policy header while rendering and
 * puts it on its own scripts and styles; the browser enforces the same policy from the response.
 * Pages must therefore render per request: the root layout opts every route into that.
 */
export type PageSecurity = {
  /** Pass to NextResponse.next(): the request headers the page renders with. */
  forward: { request: { headers: Headers } };
  /** Sets the policy (and HSTS) on whatever the proxy answers: the page, a redirect, a refusal. */
  apply<R extends Response>(response: R): R;
};

export function pageSecurity(request: Request): PageSecurity {
  const hsts = hstsHeader(env.appUrl);
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    development: env.nodeEnv === "development",
    https: hsts !== null,
  });
  const headers = new Headers(request.headers);
  // Replaces anything the client sent under that name: only our nonce is ever rendered.
  headers.set("content-security-policy", policy);
  headers.delete("content-security-policy-report-only");
  return {
    forward: { request: { headers } },
    apply(response) {
      response.headers.set("Content-Security-Policy", policy);
      if (hsts) response.headers.set(hsts.key, hsts.value);
      return response;
    },
  };
}
