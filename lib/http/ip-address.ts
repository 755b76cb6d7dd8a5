import { BlockList, isIP } from "node:net";

/**
 * One spelling per address, so a throttle keyed on it and a history row agree: IPv6 compressed and
 * lower-case, an IPv4-mapped IPv6 address (`::ffff:203.0.113.7`, what a dual-stack socket reports)
 * as plain IPv4, brackets, a port or a zone id dropped. Anything that is not an address is null.
 */
export function normaliseIp(raw: string | null | undefined): string | null {
  let value = raw?.trim().replace(/^"|"$/g, "");
  if (!value) return null;
  const bracketed = value.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.split("%")[0]!;
  const kind = isIP(value);
  if (kind === 4) return value;
  if (kind !== 6) return null;
  const canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  const mapped = canonical.match(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (!mapped) return canonical;
  const high = parseInt(mapped[1]!, 16);
  const low = parseInt(mapped[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** `10.0.0.0/8`, `2001:db8::/32` or a single address, written plainly; null when it is neither. */
export function parseCidr(raw: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const [written = "", prefixPart, ...rest] = raw.trim().split("/");
  if (rest.length || !isIP(written) || written.includes("%")) return null;
  const address = normaliseIp(written)!;
  const family = isIP(address) === 4 ? "ipv4" : "ipv6";
  // An IPv4-mapped range is written as IPv4 (addresses are compared after the same normalisation).
  if (family === "ipv4" && isIP(written) === 6) return null;
  const max = family === "ipv4" ? 32 : 128;
  if (prefixPart === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(prefixPart)) return null;
  const prefix = Number(prefixPart);
  return prefix <= max ? { address, prefix, family } : null;
}

/** The entries of a comma- or space-separated list that are not CIDRs (for the configuration check). */
export function invalidCidrs(list: readonly string[]): string[] {
  return list.filter((entry) => !parseCidr(entry));
}

/** A matcher for a list of CIDRs; throws on an invalid entry (lib/env.ts has already refused those). */
export function cidrMatcher(list: readonly string[]): (address: string) => boolean {
  const blocks = new BlockList();
  for (const entry of list) {
    const cidr = parseCidr(entry);
    if (!cidr) throw new Error(`Not a CIDR: ${entry}`);
    blocks.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return (address) => {
    const normal = normaliseIp(address);
    if (!normal) return false;
    return blocks.check(normal, isIP(normal) === 4 ? "ipv4" : "ipv6");
  };
}
