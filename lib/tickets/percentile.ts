/**
 * Percentiles computed in the app from the raw values, exactly as PostgreSQL's
 * percentile_cont(p) WITHIN GROUP (ORDER BY x): linear interpolation between the two nearest
 * ranks of the sorted values. The desk statistics fetch each period's durations once, grouped by
 * agent, and derive both the per-agent and the desk-wide figures here — one index range per
 * measure instead of one per agent plus one for the desk, each sorted by the database.
 * `medianAndP90` is the definition (sort, then interpolate); `groupedPercentiles`, which the
 * statistics use, selects instead of sorting and is tested against it.
 */
export type Percentiles = { median: number | null; p90: number | null };

/** `sorted` ascending; p in [0, 1]. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  return lo === hi ? a : a + (sorted[hi]! - a) * (pos - lo);
}

/** Median and 90th percentile of unsorted values (the input is not modified). */
export function medianAndP90(values: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return { median: percentileOfSorted(sorted, 0.5), p90: percentileOfSorted(sorted, 0.9) };
}

/**
 * string_agg's comma-separated whole numbers ("12,-3,4500") as a Float64Array, read digit by digit:
 * splitting into strings first cost more than the query that produced them. Null or "" is none; a
 * character that is not a digit, "-" or "," throws rather than giving a wrong figure.
 */
export function parseIntegerList(text: string | null | undefined): Float64Array {
  if (!text) return new Float64Array(0);
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const out = new Float64Array(count);
  let k = 0;
  let value = 0;
  let sign = 1;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else if (c === 45 && digits === 0 && sign === 1) sign = -1;
    else if (c === 44 && digits > 0) {
      out[k++] = sign * value;
      value = 0;
      sign = 1;
      digits = 0;
    } else throw new Error(`Not a list of whole numbers at position ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 10), i + 10))}`);
  }
  return out;
}

/**
 * Rearranges a[left..] so that a[k] is the value a full sort would put there, everything before it
 * ≤ and everything after it ≥: quickselect, O(n) where a sort is O(n log n). Median-of-three pivots
 * and a three-way partition, so ties (durations are whole seconds) never make it quadratic.
 */
function selectInPlace(a: Float64Array, k: number, left: number): void {
  let right = a.length - 1;
  while (right > left) {
    const x = a[left]!;
    const y = a[(left + right) >>> 1]!;
    const z = a[right]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let lt = left;
    let i = left;
    let gt = right;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i++] = a[lt]!;
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) right = lt - 1;
    else if (k > gt) left = gt + 1;
    else return;
  }
}

/**
 * percentile_cont(p) of a[from..] by selection, reordering it (the values stay the same); `from`
 * lets a higher percentile search only above a lower one already selected. Returns the value and
 * the rank it selected.
 */
function selectPercentile(a: Float64Array, p: number, from = 0): { value: number | null; rank: number } {
  const n = a.length;
  if (n === 0) return { value: null, rank: 0 };
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  selectInPlace(a, lo, from);
  if (lo === pos) return { value: a[lo]!, rank: lo };
  // the next rank up is the smallest value after position lo
  let next = Infinity;
  for (let i = lo + 1; i < n; i++) if (a[i]! < next) next = a[i]!;
  return { value: a[lo]! + (next - a[lo]!) * (pos - lo), rank: lo };
}

/** Median and p90 of unsorted values, reordering them in place. */
function medianAndP90InPlace(a: Float64Array): Percentiles {
  const median = selectPercentile(a, 0.5);
  return { median: median.value, p90: selectPercentile(a, 0.9, median.rank).value };
}

/** Per-group and overall median and p90 of several lists (each list is reordered in place). */
export function groupedPercentiles<K>(groups: [K, Float64Array][]): { of: Map<K, Percentiles>; all: Percentiles } {
  const of = new Map<K, Percentiles>();
  let total = 0;
  for (const [key, values] of groups) {
    of.set(key, medianAndP90InPlace(values));
    total += values.length;
  }
  const all = new Float64Array(total);
  let at = 0;
  for (const [, values] of groups) {
    all.set(values, at);
    at += values.length;
  }
  return { of, all: medianAndP90InPlace(all) };
}
