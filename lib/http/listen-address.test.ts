import { describe, expect, it } from "vitest";
import { listenAddress } from "./listen-address";

describe("listenAddress (npm start)", () => {
  it("binds 127.0.0.1 while the demo accounts exist and HOST is not set", () => {
    expect(listenAddress({ host: undefined, seedDemo: true })).toEqual({ host: "127.0.0.1", selfHost: "127.0.0.1", warning: null });
  });

  it("listens on every interface without demo accounts, as `next start` does", () => {
    expect(listenAddress({ host: undefined, seedDemo: false })).toEqual({ host: undefined, selfHost: "localhost", warning: null });
  });

  it("honours an explicit HOST and warns loudly when the demo accounts would be public", () => {
    const open = listenAddress({ host: "0.0.0.0", seedDemo: true });
    expect(open.host).toBe("0.0.0.0");
    expect(open.selfHost).toBe("127.0.0.1");
    expect(open.warning).toMatch(/WARNING: listening on 0\.0\.0\.0 WITH THE DEMO ACCOUNTS/);
    expect(open.warning).toMatch(/admin@example\.com/);
    expect(listenAddress({ host: "::", seedDemo: true })).toMatchObject({ selfHost: "::1", warning: expect.stringMatching(/WARNING/) });
    expect(listenAddress({ host: "192.168.1.20", seedDemo: true }).warning).toMatch(/WARNING/);
  });

  it("does not warn for a loopback HOST or without demo accounts", () => {
    for (const host of ["127.0.0.1", "127.0.0.2", "::1", "localhost"]) {
      expect(listenAddress({ host, seedDemo: true }).warning).toBeNull();
    }
    expect(listenAddress({ host: "0.0.0.0", seedDemo: false })).toEqual({ host: "0.0.0.0", selfHost: "127.0.0.1", warning: null });
  });
});
