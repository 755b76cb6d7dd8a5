/** Pure geometry for the server-rendered charts: no DOM, no library. */

/** A "nice" axis for counts: a step of 1, 2 or 5 × 10ⁿ and a maximum that is a multiple of it, at most `ticks` steps. */
export function niceAxis(max: number, ticks = 5): { max: number; step: number; values: number[] } {
  const top = Math.max(0, Math.ceil(max));
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((m) => m * magnitude).find((s) => top / s <= ticks);
    if (found) {
      step = found;
      break;
    }
  }
  // Small counts still get a few gridlines (0–4) rather than one step.
  const axisMax = Math.max(step * Math.ceil(top / step), 4);
  const values: number[] = [];
  for (let v = 0; v <= axisMax; v += step) values.push(v);
  return { max: axisMax, step, values };
}

export type Plot = { width: number; height: number; left: number; right: number; top: number; bottom: number };

/** Maps index i of n points and a value to SVG coordinates inside the plot area. */
export function scaler(plot: Plot, n: number, yMax: number) {
  const innerW = plot.width - plot.left - plot.right;
  const innerH = plot.height - plot.top - plot.bottom;
  return {
    x: (i: number) => plot.left + (n <= 1 ? innerW / 2 : (i * innerW) / (n - 1)),
    y: (v: number) => plot.top + innerH - (yMax === 0 ? 0 : (v / yMax) * innerH),
    innerW,
    innerH,
  };
}

/** An SVG path through the points: "M x0 y0 L x1 y1 …", rounded to 0.1 px. */
export function linePath(points: { x: number; y: number }[]): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  return points.map((p, i) => `${i === 0 ? "M" : "L"} ${r(p.x)} ${r(p.y)}`).join(" ");
}
