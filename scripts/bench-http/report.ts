import type { Explained } from "./explain";
import type { OneUser, TenUsers } from "./load";
import type { Page } from "./pages";

/** The targets of issue 10, as ratios to the floor page measured in turn in the same run. */
export const TARGET = { p50: 3, p95: 4, rps: 0.5, rssMb: 400 };

export type PageResult = {
  page: Page;
  /** Null with --plans-only (the page was requested once, for its SQL). */
  one: OneUser | null;
  ten: TenUsers | null;
  /** Status of the first request (the one whose SQL is captured). */
  status: number;
  htmlKb: number;
  rscShare: number;
  statements: number;
  flags: string[];
  load: string;
};

/** The share of an HTML document that is the RSC payload inlined for hydration (self.__next_f.push). */
export function rscShare(html: string): number {
  let n = 0;
  for (const m of html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)) n += m[1]!.length;
  return html.length ? n / html.length : 0;
}

export function verdict(r: PageResult): { pass: boolean; misses: string[] } {
  const misses: string[] = [];
  const { one, ten } = r;
  if (one && one.page.p50 > TARGET.p50 * one.floor.p50) misses.push(`p50 ×${(one.page.p50 / one.floor.p50).toFixed(1)}`);
  if (one && one.page.p95 > TARGET.p95 * one.floor.p95) misses.push(`p95 ×${(one.page.p95 / one.floor.p95).toFixed(1)}`);
  if (ten && ten.page < TARGET.rps * ten.floor) misses.push(`req/s ${((100 * ten.page) / ten.floor).toFixed(0)}%`);
  if (one?.errors.length || ten?.errors.length || r.status !== 200) misses.push("errors");
  if (r.flags.length) misses.push("SQL");
  return { pass: misses.length === 0, misses };
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

function mdTable(head: string[], rows: string[][], numeric: (i: number) => boolean): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  return [line(head), `|${widths.map((w, i) => (numeric(i) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`, ...rows.map(line)].join("\n");
}

/** One row per page: c=1 percentiles, floor, ratios, c=10 req/s, HTML size, SQL count, verdict. */
export function pageTable(results: PageResult[]): string {
  const head = ["page", "p50", "p95", "p99", "floor p50/p95", "×floor p50/p95", "req/s c=10", "floor req/s", "% floor", "HTML KB (RSC %)", "SQL", "load avg", "target"];
  const rows = results.map((r) => {
    const v = verdict(r);
    const { one, ten } = r;
    return [
      r.page.name,
      one ? ms(one.page.p50) : "–",
      one ? ms(one.page.p95) : "–",
      one ? ms(one.page.p99) : "–",
      one ? `${ms(one.floor.p50)}/${ms(one.floor.p95)}` : "–",
      one ? `${(one.page.p50 / one.floor.p50).toFixed(1)}/${(one.page.p95 / one.floor.p95).toFixed(1)}` : "–",
      ten ? ten.page.toFixed(1) : "–",
      ten ? ten.floor.toFixed(1) : "–",
      ten ? `${((100 * ten.page) / ten.floor).toFixed(0)}%` : "–",
      `${r.htmlKb.toFixed(0)} (${(100 * r.rscShare).toFixed(0)}%)`,
      String(r.statements),
      r.load.split(" ")[0]!,
      v.pass ? "pass" : `FAIL: ${v.misses.join(", ")}`,
    ];
  });
  return mdTable(head, rows, (i) => i > 0 && i < 12);
}

/** Every distinct statement once: its time and pages touched, the pages that send it, its flags. */
export function sqlTable(explained: Explained[]): string {
  const rows = explained.map((e, i) => [
    `Q${i + 1}`,
    e.ms === null ? "–" : ms(e.ms),
    e.buffers === null ? "–" : String(e.buffers),
    e.flags.length ? e.flags.join("; ") : "",
    e.pages.length > 3 ? `${e.pages.slice(0, 3).join("; ")} +${e.pages.length - 3}` : e.pages.join("; "),
    e.query.replace(/\s+/g, " ").slice(0, 90),
  ]);
  return mdTable(["id", "ms", "buffers", "flags", "pages", "statement"], rows, (i) => i === 1 || i === 2);
}

export function plansMarkdown(explained: Explained[]): string {
  return explained
    .map((e, i) =>
      [`### Q${i + 1}${e.flags.length ? ` — ${e.flags.join("; ")}` : ""}`, `Pages: ${e.pages.join("; ")}`, "```sql", e.query.trim(), `-- parameters: ${JSON.stringify(e.params)}`, "```", "```", e.text, "```"].join("\n"),
    )
    .join("\n\n");
}
