import { describe, expect, it } from "vitest";
import { calendarRange, entriesByDay, isoDay, parseIsoDay, startOfUtcWeek } from "./calendar-range";

const d = (s: string) => new Date(s);

describe("week bounds (Monday to Monday, UTC)", () => {
  it.each([
    ["2026-12-02T08:00:00Z", "2026-11-30"], // a Wednesday
    ["2026-11-30T00:00:00Z", "2026-11-30"], // Monday midnight is its own week
    ["2026-12-06T23:59:59.999Z", "2026-11-30"], // Sunday's last instant is still that week
    ["2026-12-07T00:00:00Z", "2026-12-07"],
    ["2027-01-01T12:00:00Z", "2026-12-28"], // a week across the new year
  ])("%s is in the week of %s", (at, monday) => {
    expect(isoDay(startOfUtcWeek(d(at)))).toBe(monday);
  });

  it("covers seven days and leads a week either way", () => {
    const r = calendarRange("week", d("2026-12-31T15:00:00Z"));
    expect(r.start.toISOString()).toBe("2026-12-28T00:00:00.000Z");
    expect(r.end.toISOString()).toBe("2027-01-04T00:00:00.000Z");
    expect(r.days.map(isoDay)).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"]);
    expect([r.previous, r.anchor, r.next]).toEqual(["2026-12-21", "2026-12-28", "2027-01-04"]);
  });

  it("does not drift on a daylight-saving weekend (there is none in UTC)", () => {
    const r = calendarRange("week", d("2026-03-29T01:30:00Z"));
    expect(r.days.every((x) => x.getUTCHours() === 0)).toBe(true);
    expect(isoDay(r.start)).toBe("2026-03-23");
  });
});

describe("month bounds (whole weeks around the month, UTC)", () => {
  it("February 2026 starts on a Sunday and ends on a Saturday: six weeks", () => {
    const r = calendarRange("month", d("2026-02-14T10:00:00Z"));
    expect(isoDay(r.monthStart)).toBe("2026-02-01");
    expect(isoDay(r.monthEnd)).toBe("2026-03-01");
    expect(isoDay(r.start)).toBe("2026-01-26");
    expect(isoDay(r.end)).toBe("2026-03-02");
    expect(r.days).toHaveLength(35);
    expect([r.previous, r.anchor, r.next]).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
  });

  it("February 2027 is exactly four weeks when it starts on a Monday", () => {
    const r = calendarRange("month", d("2027-02-01T00:00:00Z"));
    expect(isoDay(r.start)).toBe("2027-02-01");
    expect(isoDay(r.end)).toBe("2027-03-01");
    expect(r.days).toHaveLength(28);
  });

  it("a month ending on a Sunday stops at the next Monday, and December leads into January", () => {
    const r = calendarRange("month", d("2024-03-31T23:00:00Z"));
    expect(isoDay(r.end)).toBe("2024-04-01");
    expect(isoDay(r.start)).toBe("2024-02-26");
    expect(r.days).toHaveLength(35);
    const dec = calendarRange("month", d("2026-12-15T00:00:00Z"));
    expect([dec.previous, dec.next]).toEqual(["2026-11-01", "2027-01-01"]);
    expect(isoDay(dec.end)).toBe("2027-01-04");
  });

  it("a leap February has 29 days of its own", () => {
    const r = calendarRange("month", d("2028-02-10T00:00:00Z"));
    expect((r.monthEnd.getTime() - r.monthStart.getTime()) / 86_400_000).toBe(29);
  });
});

describe("parseIsoDay", () => {
  it.each([
    ["2026-12-02", "2026-12-02T00:00:00.000Z"],
    ["2028-02-29", "2028-02-29T00:00:00.000Z"],
  ])("reads %s", (s, iso) => expect(parseIsoDay(s)?.toISOString()).toBe(iso));

  it.each(["2026-02-30", "2027-02-29", "2026-13-01", "2026-1-1", "yesterday", "2026-12-02T00:00:00Z", ""])("refuses %j", (s) => {
    expect(parseIsoDay(s)).toBeNull();
  });
});

describe("entriesByDay", () => {
  const days = calendarRange("week", d("2026-11-30T00:00:00Z")).days;
  it("puts a window on every day it touches, and not on the day it ends at midnight", () => {
    const overnight = { id: "a", start: d("2026-11-30T22:00:00Z"), end: d("2026-12-01T02:00:00Z") };
    const toMidnight = { id: "b", start: d("2026-12-02T23:00:00Z"), end: d("2026-12-03T00:00:00Z") };
    const fromBefore = { id: "c", start: d("2026-11-28T12:00:00Z"), end: d("2026-11-30T00:30:00Z") };
    const buckets = entriesByDay([fromBefore, overnight, toMidnight], days).map((b) => b.map((e) => e.id));
    expect(buckets).toEqual([["c", "a"], ["a"], ["b"], [], [], [], []]);
  });
});
