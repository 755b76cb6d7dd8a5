import { env } from "@/lib/env";
import { cidrMatcher, normaliseIp } from "./ip-address";

/**
 * The one place that decides which address a request came from (sign-in throttle, ticket history,
 * attachments, sessions, later the API).
 *
 * X-Forwarded-For is whatever the caller wrote, plus what each proxy on the way appended; Next's own
 * server fills it only when it is absent, so inside the app a forged value looks like a real one.
 * The socket's address therefore comes from our server (scripts/serve.ts), which overwrites
 * PEER_HEADER on every request and says so in the process environment (TICKETRY_PEER_STAMPED), so a
 * PEER_HEADER sent to a server that does not overwrite it (`next start`, `next dev`) is ignored.
 * Forwarding headers count only as far as a configured proxy vouches for them.
 */
export const PEER_HEADER = "x-ticketry-peer";
export const UNKNOWN_IP = "unknown";

export type ProxyTrust = ProxyRule & {
  /** PEER_HEADER was written by our server; without it the header is the caller's word. */
  peerStamped: boolean;
};

type ProxyRule =
  /** Vercel's edge overwrites its own header with the address it saw. */
  | { mode: "vercel" }
  /** No proxy: the socket's peer is the client. */
  | { mode: "peer" }
  /** N proxies, each appending the address it saw: the client is the Nth from the right, the peer the nearest hop. */
  | { mode: "hops"; hops: number }
  /** Proxies known by address: walk from the right past them; the first other address is the client. */
  | { mode: "cidrs"; isTrusted: (address: string) => boolean };

export function resolveClientIp(headers: Headers, trust: ProxyTrust): string {
  if (trust.mode === "vercel") {
    const vercel = headers.get("x-vercel-forwarded-for")?.split(",")[0];
    return normaliseIp(vercel) ?? normaliseIp(headers.get("x-real-ip")) ?? UNKNOWN_IP;
  }
  const peer = trust.peerStamped ? normaliseIp(headers.get(PEER_HEADER)) : null;
  if (trust.mode === "peer") return peer ?? UNKNOWN_IP;

  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (trust.mode === "hops") {
    // Without our server (plain `next start`) the peer is unknown, but it is still the nearest hop.
    const chain = [...forwarded, peer ?? UNKNOWN_IP];
    // Fewer entries than proxies: the request skipped one; the leftmost is the furthest we know.
    return normaliseIp(chain[Math.max(0, chain.length - 1 - trust.hops)]) ?? UNKNOWN_IP;
  }
  // Trust is decided by the peer's address, so without it nothing in the headers can be believed.
  if (!peer) return UNKNOWN_IP;
  const chain = [...forwarded, peer];
  let i = chain.length - 1;
  while (i > 0 && trust.isTrusted(chain[i]!)) i--;
  return normaliseIp(chain[i]) ?? UNKNOWN_IP;
}

/** The trust rule from the configuration (TRUSTED_PROXY_HOPS, TRUSTED_PROXIES, VERCEL). */
export function proxyTrust(config: {
  onVercel: boolean;
  trustedProxyHops: number;
  trustedProxies: readonly string[];
  peerStamped: boolean;
}): ProxyTrust {
  const { peerStamped } = config;
  if (config.onVercel) return { mode: "vercel", peerStamped };
  if (config.trustedProxies.length) return { mode: "cidrs", isTrusted: cidrMatcher(config.trustedProxies), peerStamped };
  if (config.trustedProxyHops > 0) return { mode: "hops", hops: config.trustedProxyHops, peerStamped };
  return { mode: "peer", peerStamped };
}

let configured: ProxyTrust | null = null;
let warned = false;

/** The client's address under the configured rule, or "unknown" when it cannot be told. */
export function clientIp(headers: Headers): string {
  configured ??= proxyTrust(env.clientIp);
  const ip = resolveClientIp(headers, configured);
  if (ip === UNKNOWN_IP && !warned && env.isProduction && configured.mode !== "vercel" && !configured.peerStamped) {
    warned = true;
    console.warn(
      "[client-ip] Requests arrive without the socket's address: serve with `npm start` (scripts/serve.ts), not `next start`. " +
        "Until then sign-in limits per address are off and history records no IP.",
    );
  }
  return ip;
}
