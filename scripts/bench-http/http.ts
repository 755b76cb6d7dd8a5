import http from "node:http";

/**
 * A minimal HTTP client for the bench: keep-alive sockets on loopback, the whole body read (so the
 * time is what a browser waits for the document), no redirects followed. node:http rather than
 * fetch: less client-side work per request, so the figures are the server's.
 */
export type Reply = { status: number; ms: number; bytes: number; headers: http.IncomingHttpHeaders; body: string };

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

type Options = { method?: string; cookie?: string; headers?: Record<string, string>; body?: string; keepBody?: boolean; timeoutMs?: number };

/**
 * One request. A kept-alive socket that the server closed while idle fails at once with ECONNRESET;
 * such a request never reached the app, so it is sent again once on a new socket (as Node's docs advise).
 */
export async function request(url: string, opts: Options = {}): Promise<Reply> {
  try {
    return await send(url, opts);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === "ECONNRESET") return send(url, opts);
    throw error;
  }
}

function send(url: string, opts: Options): Promise<Reply> {
  const u = new URL(url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)) throw new Error(`The bench only talks to loopback, not ${u.hostname}.`);
  // gzip as a browser asks for it (the server's compression is part of the cost); the body is not
  // inflated: only its length and the time are kept, except for keepBody (identity asked there).
  const headers: Record<string, string> = { "accept-encoding": opts.keepBody ? "identity" : "gzip", ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers["content-length"] = String(Buffer.byteLength(opts.body));
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(u, { method: opts.method ?? "GET", headers, agent, timeout: opts.timeoutMs ?? 120_000 }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on("data", (c: Buffer) => {
        bytes += c.length;
        if (opts.keepBody) chunks.push(c);
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes, headers: res.headers, body: opts.keepBody ? Buffer.concat(chunks).toString("utf8") : "" }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** name=value pairs of the Set-Cookie headers of a reply. */
export function setCookies(reply: Reply): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of reply.headers["set-cookie"] ?? []) {
    const [pair] = line.split(";");
    const i = pair!.indexOf("=");
    out.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
  return out;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/**
 * Signs in through the real Auth.js credentials flow, as the sign-in form's signIn() does: the CSRF
 * token (and its cookie) from /api/auth/csrf, then the credentials callback, which checks the
 * password with the app's own authenticate() and sets the session cookie. Returns the Cookie header.
 */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await request(`${base}/api/auth/csrf`, { keepBody: true });
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const jar = setCookies(csrf);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }).toString();
  const reply = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    cookie: cookieHeader(jar),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
    body,
    keepBody: true,
  });
  for (const [k, v] of setCookies(reply)) jar.set(k, v);
  if (![...jar.keys()].some((k) => k.startsWith("authjs.session-token"))) {
    throw new Error(`Sign-in as ${email} set no session cookie (status ${reply.status}: ${reply.body.slice(0, 200)})`);
  }
  // Only the session cookie travels with page requests, as in a browser after sign-in.
  const session = new Map([...jar].filter(([k]) => k.startsWith("authjs.session-token")));
  const check = await request(`${base}/account`, { cookie: cookieHeader(session) });
  if (check.status !== 200) throw new Error(`Signed in as ${email}, but /account answered ${check.status}`);
  return cookieHeader(session);
}
