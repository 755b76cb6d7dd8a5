import { describe, expect, it } from "vitest";
import { cidrMatcher, invalidCidrs, parseCidr } from "./ip-address";

describe("CIDR lists (TRUSTED_PROXIES)", () => {
  it("accepts ranges and single addresses of both families", () => {
    expect(parseCidr("10.0.0.0/8")).toEqual({ address: "10.0.0.0", prefix: 8, family: "ipv4" });
    expect(parseCidr("192.0.2.10")).toEqual({ address: "192.0.2.10", prefix: 32, family: "ipv4" });
    expect(parseCidr("2001:DB8::/32")).toEqual({ address: "2001:db8::", prefix: 32, family: "ipv6" });
    expect(parseCidr("::1")).toEqual({ address: "::1", prefix: 128, family: "ipv6" });
  });

  it("names what is not a CIDR", () => {
    expect(invalidCidrs(["10.0.0.0/8", "10.0.0.0/33", "2001:db8::/129", "example.com", "10.0.0.1:80", "10.0.0.0/8/1", "[::1]", "10.0.0.0/-1"])).toEqual([
      "10.0.0.0/33",
      "2001:db8::/129",
      "example.com",
      "10.0.0.1:80",
      "10.0.0.0/8/1",
      "[::1]",
      "10.0.0.0/-1",
    ]);
  });

  it("matches addresses inside the ranges only", () => {
    const trusted = cidrMatcher(["10.0.0.0/8", "2001:db8::/32"]);
    expect(trusted("10.255.0.1")).toBe(true);
    expect(trusted("::ffff:10.0.0.1")).toBe(true);
    expect(trusted("11.0.0.1")).toBe(false);
    expect(trusted("2001:db8:ffff::1")).toBe(true);
    expect(trusted("2001:db9::1")).toBe(false);
    expect(trusted("garbage")).toBe(false);
  });
});
