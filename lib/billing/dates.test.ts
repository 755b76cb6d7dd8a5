import { describe, expect, it } from "vitest";
import { addDays, addMonthsAnchored, duePeriods, isValidIsoDate } from "./dates";

describe("addMonthsAnchored", () => {
  it.each([
    ["2025-01-31", 1, 31, "2025-02-28"],
    ["2024-01-31", 1, 31, "2024-02-29"],
    ["2025-02-28", 1, 31, "2025-03-31"],
    ["2025-02-28", 1, 30, "2025-03-30"],
    ["2025-04-30", 1, 31, "2025-05-31"],
    ["2025-11-30", 3, 30, "2026-02-28"],
    ["2025-12-15", 1, 15, "2026-01-15"],
    ["2024-02-29", 12, 29, "2025-02-28"],
    ["2027-02-28", 12, 29, "2028-02-29"],
  ])("%s + %i month(s), anchored to the %i → %s", (from, months, anchor, expected) => {
    expect(addMonthsAnchored(from, months, anchor)).toBe(expected);
  });
});

describe("duePeriods", () => {
  it("walks month ends anchored to the original day, across a leap year", () => {
    let next = "2024-01-31";
    const starts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = duePeriods({ nextDueOn: next, anchorDay: 31, period: "monthly", asOf: next });
      expect(r.periods).toHaveLength(1);
      starts.push(r.periods[0]!.start);
      next = r.nextDueOn!;
    }
    expect(starts).toEqual(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]);
    expect(next).toBe("2024-05-31");
  });

  it("ends each period the day before the next one starts", () => {
    const r = duePeriods({ nextDueOn: "2025-01-31", anchorDay: 31, period: "monthly", asOf: "2025-03-31" });
    expect(r.periods).toEqual([
      { start: "2025-01-31", end: "2025-02-27" },
      { start: "2025-02-28", end: "2025-03-30" },
      { start: "2025-03-31", end: "2025-04-29" },
    ]);
    expect(r.nextDueOn).toBe("2025-04-30");
  });

  it("catches up three missed months in one go", () => {
    const r = duePeriods({ nextDueOn: "2025-01-10", anchorDay: 10, period: "monthly", asOf: "2025-03-20" });
    expect(r.periods.map((p) => p.start)).toEqual(["2025-01-10", "2025-02-10", "2025-03-10"]);
    expect(r.nextDueOn).toBe("2025-04-10");
  });

  it("bills quarterly and yearly periods", () => {
    const q = duePeriods({ nextDueOn: "2025-11-30", anchorDay: 30, period: "quarterly", asOf: "2025-11-30" });
    expect(q).toEqual({ periods: [{ start: "2025-11-30", end: "2026-02-27" }], nextDueOn: "2026-02-28" });
    const y = duePeriods({ nextDueOn: "2024-02-29", anchorDay: 29, period: "yearly", asOf: "2025-03-01" });
    expect(y).toEqual({
      periods: [
        { start: "2024-02-29", end: "2025-02-27" },
        { start: "2025-02-28", end: "2026-02-27" },
      ],
      nextDueOn: "2026-02-28",
    });
  });

  it("bills a one-time service once and leaves no next due date", () => {
    expect(duePeriods({ nextDueOn: "2025-05-01", anchorDay: 1, period: "one_time", asOf: "2026-01-01" })).toEqual({
      periods: [{ start: "2025-05-01", end: null }],
      nextDueOn: null,
    });
  });

  it("bills nothing before the due date, and takes the due date's day when no anchor is stored", () => {
    expect(duePeriods({ nextDueOn: "2025-05-02", anchorDay: 2, period: "monthly", asOf: "2025-05-01" }).periods).toEqual([]);
    expect(duePeriods({ nextDueOn: "2025-01-31", anchorDay: null, period: "monthly", asOf: "2025-01-31" }).nextDueOn).toBe("2025-02-28");
  });

  it("bounds one run's catch-up", () => {
    const r = duePeriods({ nextDueOn: "2000-01-01", anchorDay: 1, period: "monthly", asOf: "2025-01-01", max: 12 });
    expect(r.periods).toHaveLength(12);
    expect(r.nextDueOn).toBe("2001-01-01");
  });
});

describe("calendar helpers", () => {
  it("adds days across month and year ends and validates dates", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(isValidIsoDate("2023-02-29")).toBe(false);
    expect(isValidIsoDate("2024-02-29")).toBe(true);
    expect(isValidIsoDate("2024-2-9")).toBe(false);
  });
});
