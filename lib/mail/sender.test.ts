import { describe, expect, it } from "vitest";
import { backoffSeconds } from "./sender";

describe("outbox back-off", () => {
  it("doubles from a minute and stops growing at six hours", () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([60, 120, 240, 480]);
    expect(backoffSeconds(20)).toBe(6 * 60 * 60);
  });
});
