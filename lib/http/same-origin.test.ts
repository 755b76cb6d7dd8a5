import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, isSameOrigin } from "./same-origin";

const headers = (h: Record<string, string>) => new Headers(h);

describe("the same-origin check", () => {
  it.each<[string, Record<string, string>]>([
    ["the same host", { host: "desk.example", origin: "https://desk.example" }],
    ["the same host and port", { host: "localhost:3000", origin: "http://localhost:3000" }],
    ["the forwarded host behind a proxy", { host: "10.0.0.7:3000", "x-forwarded-host": "desk.example", origin: "https://desk.example" }],
    ["no Origin (a same-origin GET, a server-side caller)", { host: "desk.example" }],
    ["Sec-Fetch-Site same-origin", { host: "desk.example", origin: "https://desk.example", "sec-fetch-site": "same-origin" }],
  ])("accepts %s", (_what, h) => {
    expect(isSameOrigin(headers(h))).toBe(true);
  });

  it.each<[string, Record<string, string>]>([
    ["another host", { host: "desk.example", origin: "https://evil.example" }],
    ["another port", { host: "localhost:3000", origin: "http://localhost:4000" }],
    ["a look-alike subdomain", { host: "desk.example", origin: "https://desk.example.evil.example" }],
    ["Origin null (a sandboxed frame)", { host: "desk.example", origin: "null" }],
    ["a garbage Origin", { host: "desk.example", origin: "%%%" }],
    ["Sec-Fetch-Site cross-site without an Origin", { host: "desk.example", "sec-fetch-site": "cross-site" }],
    ["an Origin but no host to compare with", { origin: "https://desk.example" }],
  ])("refuses %s", (_what, h) => {
    expect(isSameOrigin(headers(h))).toBe(false);
  });

  it("throws forbidden for a cross-site request", () => {
    const request = new Request("http://desk.example/api/x", { method: "POST", headers: { host: "desk.example", origin: "https://evil.example" } });
    expect(() => assertSameOrigin(request)).toThrow(AppError);
    expect(() => assertSameOrigin(request)).toThrow(expect.objectContaining({ code: "forbidden" }));
  });
});
