import { describe, expect, it } from "vitest";
import { groupedPercentiles, medianAndP90, parseIntegerList, percentileOfSorted } from "./percentile";

describe("percentileOfSorted (percentile_cont)", () => {
  it("is null for no values", () => {
    expect(percentileOfSorted([], 0.5)).toBeNull();
    expect(medianAndP90([])).toEqual({ median: null, p90: null });
  });

  it("returns the one value for any p", () => {
    expect(medianAndP90([42])).toEqual({ median: 42, p90: 42 });
  });

  it("interpolates between neighbouring ranks like PostgreSQL", () => {
    // SELECT percentile_cont(0.5), percentile_cont(0.9) WITHIN GROUP (ORDER BY x) FROM unnest('{10,20,30,40}') x → 25, 37
    expect(medianAndP90([40, 10, 30, 20])).toEqual({ median: 25, p90: 37 });
    // {1,2,3,4,5,6,7,8,9,10} → 5.5, 9.1
    const r = medianAndP90([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(r.median).toBe(5.5);
    expect(r.p90).toBeCloseTo(9.1, 10);
  });

  it("sorts numerically, not as text, and leaves the input alone", () => {
    const input = [100, 9, 1000, 20];
    expect(medianAndP90(input).median).toBe(60);
    expect(input).toEqual([100, 9, 1000, 20]);
  });

  it("handles the extremes of p", () => {
    expect(percentileOfSorted([1, 2, 3], 0)).toBe(1);
    expect(percentileOfSorted([1, 2, 3], 1)).toBe(3);
  });
});

describe("parseIntegerList", () => {
  it("reads string_agg's comma-separated whole numbers", () => {
    expect(Array.from(parseIntegerList("1,25,-3,0,86400"))).toEqual([1, 25, -3, 0, 86400]);
    expect(Array.from(parseIntegerList("7"))).toEqual([7]);
    expect(parseIntegerList("").length).toBe(0);
    expect(parseIntegerList(null).length).toBe(0);
  });

  it("refuses anything else instead of guessing", () => {
    for (const bad of ["1.5", "1,,2", "1,", "-", "1-2", "a", "1, 2"]) expect(() => parseIntegerList(bad), bad).toThrow(/whole numbers/);
  });
});

describe("groupedPercentiles", () => {
  it("gives each group's and everyone's figures", () => {
    const r = groupedPercentiles([
      ["a", Float64Array.of(40, 10, 30, 20)],
      ["b", Float64Array.of(5)],
    ]);
    expect(r.of.get("a")).toEqual({ median: 25, p90: 37 });
    expect(r.of.get("b")).toEqual({ median: 5, p90: 5 });
    expect(r.all).toEqual(medianAndP90([40, 10, 30, 20, 5]));
  });

  it("is empty for no groups", () => {
    expect(groupedPercentiles([]).all).toEqual({ median: null, p90: null });
  });
});

describe("groupedPercentiles against a full sort", () => {
  // A small deterministic generator: the same cases on every run.
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  it("matches medianAndP90 on random lists of every size, with ties", () => {
    for (let n = 0; n < 300; n++) {
      const spread = n % 3 === 0 ? 5 : 1_000_000; // every third list is mostly ties
      const values = Array.from({ length: n }, () => Math.floor(next() * spread) - (n % 7 === 0 ? spread / 2 : 0));
      const r = groupedPercentiles([["x", Float64Array.from(values)]]);
      expect(r.of.get("x"), `n=${n}`).toEqual(medianAndP90(values));
      expect(r.all, `n=${n}`).toEqual(medianAndP90(values));
    }
  });

  it("handles sorted, reversed and constant input", () => {
    const up = Array.from({ length: 1001 }, (_, i) => i);
    const ties = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? 3 : 3 + (i % 5)));
    for (const values of [up, [...up].reverse(), up.map(() => 7), Array.from({ length: 50_000 }, () => 60), ties]) {
      expect(groupedPercentiles([[1, Float64Array.from(values)]]).all).toEqual(medianAndP90(values));
    }
  });
});
