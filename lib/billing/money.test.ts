import { describe, expect, it } from "vitest";
import { formatMoney, minorToDecimal, parseMoney } from "./money";

describe("parseMoney", () => {
  it.each([
    ["12.50", "EUR", 1250],
    ["12.5", "EUR", 1250],
    ["12", "EUR", 1200],
    ["0.01", "EUR", 1],
    ["0.1", "EUR", 10],
    ["19.99", "EUR", 1999],
    ["1 234.56", "EUR", 123456],
    ["4.35", "USD", 435],
    ["1000", "JPY", 1000],
    ["1.234", "BHD", 1234],
    ["007.00", "EUR", 700],
  ])("%s %s → %i minor units", (text, currency, minor) => {
    expect(parseMoney(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ["", "EUR", /Enter an amount/],
    ["12,50", "EUR", /like 12.50/],
    ["-1", "EUR", /like 12.50/],
    ["1e3", "EUR", /like 12.50/],
    ["12.505", "EUR", /at most 2 decimals/],
    ["10.5", "JPY", /no decimals/],
    ["99999999999", "EUR", /too large/],
  ])("refuses %j in %s", (text, currency, message) => {
    const r = parseMoney(text, currency);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe("showing money", () => {
  it("turns minor units back into decimal text and formats them", () => {
    expect(minorToDecimal(1250, "EUR")).toBe("12.50");
    expect(minorToDecimal(5, "EUR")).toBe("0.05");
    expect(minorToDecimal(1000, "JPY")).toBe("1000");
    expect(formatMoney(123456705, "EUR")).toBe("€1,234,567.05");
    expect(formatMoney(1000, "JPY")).toBe("JP¥1,000");
    // 0.1 + 0.2 style drift cannot happen: the decimal string is exact.
    expect(formatMoney(30, "USD")).toBe("US$0.30");
  });
});
