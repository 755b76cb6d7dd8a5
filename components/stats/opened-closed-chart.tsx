import { useId } from "react";
import { linePath, niceAxis, scaler, type Plot } from "./chart-scale";
import { formatCount, formatDay } from "./format";

export type DailyPoint = { day: string; opened: number; closed: number };

const PLOT: Plot = { width: 760, height: 260, left: 44, right: 16, top: 16, bottom: 44 };
const SERIES = [
  { key: "opened", label: "Opened", stroke: "#1d4ed8", dash: undefined },
  { key: "closed", label: "Closed", stroke: "#059669", dash: "6 4" },
] as const;

/**
 * Tickets opened vs closed per day, as a server-rendered SVG line chart: no chart library and no
 * client JavaScript. The SVG names itself (<title>/<desc>), the lines differ in colour and dash, and
 * the same numbers are available as a table for screen readers and anyone who prefers them.
 */
export function OpenedClosedChart({ data }: { data: DailyPoint[] }) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const totals = { opened: data.reduce((s, d) => s + d.opened, 0), closed: data.reduce((s, d) => s + d.closed, 0) };
  const axis = niceAxis(Math.max(0, ...data.map((d) => Math.max(d.opened, d.closed))));
  const s = scaler(PLOT, data.length, axis.max);
  // Labels counted back from the last day, so today is always labelled and none collide.
  const labelEvery = Math.max(1, Math.ceil(data.length / 8));
  const first = data[0]?.day;
  const last = data.at(-1)?.day;
  const range = first && last ? `${formatDay(first)} – ${formatDay(last)}` : "no days";

  return (
    <figure className="space-y-3">
      <ul className="flex flex-wrap gap-4 text-sm text-slate-700" aria-label="Legend">
        {SERIES.map((line) => (
          <li key={line.key} className="flex items-center gap-2">
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="28" y2="5" stroke={line.stroke} strokeWidth="3" strokeDasharray={line.dash} />
            </svg>
            {line.label} ({formatCount(totals[line.key])} in {data.length} days)
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${PLOT.width} ${PLOT.height}`} className="h-auto w-full" role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>Tickets opened and closed per day</title>
        <desc id={descId}>
          {`Line chart for ${range} (UTC): ${formatCount(totals.opened)} tickets opened and ${formatCount(totals.closed)} closed. The table below the chart lists every day.`}
        </desc>
        <g className="text-[11px]" fill="#64748b">
          {axis.values.map((v) => (
            <g key={v}>
              <line x1={PLOT.left} x2={PLOT.width - PLOT.right} y1={s.y(v)} y2={s.y(v)} stroke="#e2e8f0" strokeDasharray={v === 0 ? undefined : "2 3"} />
              <text x={PLOT.left - 8} y={s.y(v)} textAnchor="end" dominantBaseline="middle">
                {v}
              </text>
            </g>
          ))}
          {data.map((d, i) =>
            (data.length - 1 - i) % labelEvery === 0 ? (
              <text key={d.day} x={s.x(i)} y={PLOT.height - PLOT.bottom + 18} textAnchor={i === data.length - 1 && data.length > 1 ? "end" : "middle"}>
                {formatDay(d.day)}
              </text>
            ) : null,
          )}
          <text x={PLOT.left + s.innerW / 2} y={PLOT.height - 6} textAnchor="middle" fill="#475569">
            Day (UTC)
          </text>
          <text transform={`translate(12 ${PLOT.top + s.innerH / 2}) rotate(-90)`} textAnchor="middle" fill="#475569">
            Tickets
          </text>
        </g>
        <line x1={PLOT.left} x2={PLOT.left} y1={PLOT.top} y2={PLOT.top + s.innerH} stroke="#94a3b8" />
        {SERIES.map((line) => (
          <g key={line.key}>
            <path d={linePath(data.map((d, i) => ({ x: s.x(i), y: s.y(d[line.key]) })))} fill="none" stroke={line.stroke} strokeWidth="2.5" strokeDasharray={line.dash} strokeLinejoin="round" />
            {data.map((d, i) => (
              <circle key={d.day} cx={s.x(i)} cy={s.y(d[line.key])} r="3" fill={line.stroke}>
                <title>{`${formatDay(d.day)}: ${d[line.key]} ${line.label.toLowerCase()}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="text-sm text-slate-600">Support tickets opened and closed (closed or won&apos;t fix) per day over the last {data.length} days, UTC.</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-600">Show the numbers as a table</summary>
        <table className="mt-2 w-full max-w-md text-left">
          <caption className="sr-only">Tickets opened and closed per day</caption>
          <thead className="text-xs text-slate-500 uppercase">
            <tr>
              <th scope="col" className="py-1 pr-4">Day</th>
              <th scope="col" className="py-1 pr-4 text-right">Opened</th>
              <th scope="col" className="py-1 text-right">Closed</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.map((d) => (
              <tr key={d.day}>
                <th scope="row" className="py-1 pr-4 font-normal">{d.day}</th>
                <td className="py-1 pr-4 text-right tabular-nums">{formatCount(d.opened)}</td>
                <td className="py-1 text-right tabular-nums">{formatCount(d.closed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
