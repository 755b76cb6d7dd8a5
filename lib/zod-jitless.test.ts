import { describe, expect, it } from "vitest";
import { z } from "zod";
import { setZodJitless } from "./zod-jitless";

describe("setZodJitless", () => {
  it("sets what zod itself reads as its jitless setting", () => {
    const before = z.config().jitless;
    try {
      z.config({ jitless: false });
      setZodJitless();
      expect(z.config().jitless).toBe(true);
    } finally {
      z.config({ jitless: before });
    }
  });
});
