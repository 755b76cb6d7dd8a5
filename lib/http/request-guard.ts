import { NextResponse, type NextRequest } from "next/server";
import { HTTP_STATUS } from "./status";
import { CROSS_SITE_MESSAGE, isSameOrigin } from "./same-origin";
import type { PageSecurity } from "./page-security";

type PageForward = PageSecurity["forward"];

/**
 * Hostile requests that Next itself answers with a 500 (before any of our code runs) get a 4xx
 * here, from proxy.ts, first thing:
 * - a path segment with a malformed percent-escape (/tickets/%E0%A4%A): Next's router throws a
 *   URIError decoding it → 404 (the not-found page; JSON under /api);
 * - a server action call (Next-Action header) from another origin: Next throws on the Origin/Host
 *   mismatch → 403;
 * - a server action whose body cannot be decoded (text that is not JSON, a broken multipart):
 *   React's decodeReply throws → 400.
 * Everything else passes (null) to the rest of the proxy.
 */
export async function guardRequest(request: NextRequest, forward?: PageForward): Promise<Response | null> {
  const path = request.nextUrl.pathname;
  if (!decodesCleanly(path)) return notFoundFor(request, path, forward);
  if (request.method === "POST" && request.headers.has("next-action")) return actionRefusal(request);
  return null;
}

/** True when every %-escape of the path decodes (as UTF-8) — what Next's router needs. */
export function decodesCleanly(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Larger action bodies are Next's to refuse (serverActions.bodySizeLimit); they are not read here. */
const MAX_CHECKED_BODY = 2 * 1024 * 1024;

export async function actionRefusal(request: Request): Promise<Response | null> {
  if (!isSameOrigin(request.headers)) return refusal("forbidden", CROSS_SITE_MESSAGE);
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_CHECKED_BODY) return null;
  try {
    // A call from JS sends its arguments as JSON text; a form or file argument as multipart.
    if (type.startsWith("text/plain")) JSON.parse(await request.clone().text());
    else if (type.startsWith("multipart/form-data")) await request.clone().formData();
  } catch {
    return refusal("invalid", "The request body could not be read.", 400);
  }
  return null;
}

function refusal(code: "forbidden" | "invalid" | "not_found", message: string, status = HTTP_STATUS[code]): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** A page path gets the app's not-found page (rendered for a path no route has), an API path JSON. */
function notFoundFor(request: NextRequest, path: string, forward?: PageForward): Response {
  if (path === "/api" || path.startsWith("/api/")) return refusal("not_found", "Not found.");
  // With the page's request headers, so the not-found page renders with this request's CSP nonce.
  return NextResponse.rewrite(new URL("/_not-found-malformed-path", request.url), { status: 404, ...forward });
}
