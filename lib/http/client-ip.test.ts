import { describe, expect, it } from "vitest";
import { PEER_HEADER, proxyTrust, resolveClientIp, UNKNOWN_IP, type ProxyTrust } from "./client-ip";

const served = { onVercel: false, trustedProxyHops: 0, trustedProxies: [] as string[], peerStamped: true };
const noProxy = proxyTrust(served);
const oneHop = proxyTrust({ ...served, trustedProxyHops: 1 });
const twoHops = proxyTrust({ ...served, trustedProxyHops: 2 });
const cidrs = proxyTrust({ ...served, trustedProxies: ["10.0.0.0/8", "2001:db8::/32", "192.0.2.10"] });
const vercel = proxyTrust({ ...served, onVercel: true });

function ip(trust: ProxyTrust, headers: Record<string, string>) {
  return resolveClientIp(new Headers(headers), trust);
}

describe("clientIp without a trusted proxy", () => {
  it("uses the socket's address and ignores a forged X-Forwarded-For and X-Real-IP", () => {
    expect(ip(noProxy, { [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" })).toBe("203.0.113.7");
    expect(ip(noProxy, { [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1, 198.51.100.9" })).toBe("203.0.113.7");
  });

  it("is unknown without the socket's address (plain `next start`), whatever the headers claim", () => {
    expect(ip(noProxy, { "x-forwarded-for": "198.51.100.1" })).toBe(UNKNOWN_IP);
    expect(ip(noProxy, {})).toBe(UNKNOWN_IP);
  });

  it("ignores a peer header that our server did not write (plain `next start` or `next dev`)", () => {
    const unstamped = { ...served, peerStamped: false };
    const forged = { [PEER_HEADER]: "198.51.100.1", "x-forwarded-for": "198.51.100.2" };
    expect(ip(proxyTrust(unstamped), forged)).toBe(UNKNOWN_IP);
    expect(ip(proxyTrust({ ...unstamped, trustedProxies: ["198.51.100.0/24"] }), forged)).toBe(UNKNOWN_IP);
    // Hop counting needs no peer: the proxy's own entry is what counts.
    expect(ip(proxyTrust({ ...unstamped, trustedProxyHops: 1 }), { ...forged, "x-forwarded-for": "198.51.100.2, 203.0.113.7" })).toBe("203.0.113.7");
  });

  it("is unknown when the peer header holds garbage", () => {
    expect(ip(noProxy, { [PEER_HEADER]: "not an address" })).toBe(UNKNOWN_IP);
  });
});

describe("clientIp with TRUSTED_PROXY_HOPS", () => {
  it("takes the address the nearest proxy appended, not what the caller wrote before it", () => {
    // The caller forged 198.51.100.1; the proxy (10.0.0.2, our peer) appended the real 203.0.113.7.
    const headers = { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.1, 203.0.113.7" };
    expect(ip(oneHop, headers)).toBe("203.0.113.7");
  });

  it("counts the peer as the nearest hop with two proxies", () => {
    // client → proxy A (appends client) → proxy B (appends A) → app (peer B)
    const headers = { [PEER_HEADER]: "10.0.0.3", "x-forwarded-for": "198.51.100.1, 203.0.113.7, 10.0.0.2" };
    expect(ip(twoHops, headers)).toBe("203.0.113.7");
  });

  it("takes the leftmost address when the chain is shorter than the configured hops", () => {
    expect(ip(twoHops, { [PEER_HEADER]: "10.0.0.3", "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
    expect(ip(oneHop, { [PEER_HEADER]: "203.0.113.7" })).toBe("203.0.113.7");
  });

  it("works behind plain `next start` too, where the peer is unknown but still the nearest hop", () => {
    expect(ip(oneHop, { "x-forwarded-for": "198.51.100.1, 203.0.113.7" })).toBe("203.0.113.7");
  });

  it("is unknown when the chosen entry is garbage", () => {
    expect(ip(oneHop, { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.7, bogus" })).toBe(UNKNOWN_IP);
  });
});

describe("clientIp with TRUSTED_PROXIES", () => {
  it("walks from the right past trusted proxies to the first other address", () => {
    const headers = { [PEER_HEADER]: "10.1.2.3", "x-forwarded-for": "198.51.100.1, 203.0.113.7, 192.0.2.10" };
    expect(ip(cidrs, headers)).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For when the peer is not a trusted proxy", () => {
    expect(ip(cidrs, { [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" })).toBe("203.0.113.7");
  });

  it("matches IPv6 ranges and IPv4-mapped peers", () => {
    expect(ip(cidrs, { [PEER_HEADER]: "2001:db8::5", "x-forwarded-for": "2001:DB8:0:0:0:0:0:9, 203.0.113.7" })).toBe("203.0.113.7");
    expect(ip(cidrs, { [PEER_HEADER]: "::ffff:10.0.0.2", "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
  });

  it("takes the leftmost address when every hop is trusted", () => {
    expect(ip(cidrs, { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "10.0.0.9" })).toBe("10.0.0.9");
  });

  it("believes nothing without the socket's address", () => {
    expect(ip(cidrs, { "x-forwarded-for": "203.0.113.7" })).toBe(UNKNOWN_IP);
  });
});

describe("clientIp on Vercel", () => {
  it("uses Vercel's own header, then X-Real-IP, never the forwarded chain or a peer header", () => {
    const forged = { [PEER_HEADER]: "198.51.100.3", "x-forwarded-for": "198.51.100.1" };
    expect(ip(vercel, { ...forged, "x-vercel-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" })).toBe("203.0.113.7");
    expect(ip(vercel, { ...forged, "x-real-ip": "203.0.113.8" })).toBe("203.0.113.8");
    expect(ip(vercel, forged)).toBe(UNKNOWN_IP);
  });
});

describe("address spelling", () => {
  it.each([
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:cb00:7107", "203.0.113.7"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["fe80::1%eth0", "fe80::1"],
    ["::1", "::1"],
  ])("%s is %s", (raw, expected) => {
    expect(ip(noProxy, { [PEER_HEADER]: raw })).toBe(expected);
  });

  it.each(["", "unknown", "1.2.3", "300.1.1.1", "010.0.0.1", "1.2.3.4, 5.6.7.8", "<script>", "2001:db8::g"])("%j is unknown", (raw) => {
    expect(ip(noProxy, { [PEER_HEADER]: raw })).toBe(UNKNOWN_IP);
  });
});
