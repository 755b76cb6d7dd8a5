import { Badge, type Tone } from "@/components/ui/badge";
import { STATUS_LABELS } from "@/lib/tickets/workflow";

const STATUS_TONES: Record<string, Tone> = {
  open: "blue",
  in_progress: "purple",
  waiting_for_customer: "amber",
  closed: "green",
  wont_fix: "gray",
};

/** The status as words (never colour alone). */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONES[status] ?? "gray"}>{STATUS_LABELS[status] ?? status}</Badge>;
}

export const PRIORITY_LABELS: Record<string, string> = { low: "Low", normal: "Normal", high: "High", critical: "Critical" };
const PRIORITY_STYLES: Record<string, string> = {
  low: "text-slate-500",
  normal: "text-slate-700",
  high: "text-orange-800 font-semibold",
  critical: "text-red-700 font-semibold",
};
const PRIORITY_BARS: Record<string, number> = { low: 1, normal: 2, high: 3, critical: 4 };
// Classes, not style="height: …": the Content-Security-Policy allows no inline style attributes.
const BAR_HEIGHTS = ["h-1.5", "h-2", "h-2.5", "h-3"];

/** Priority as a word with a small four-step meter beside it (decorative: the word carries the meaning). */
export function PriorityBadge({ priority }: { priority: string }) {
  const level = PRIORITY_BARS[priority] ?? 2;
  return (
    <span className={`inline-flex items-center gap-1.5 text-xs ${PRIORITY_STYLES[priority] ?? ""}`}>
      <span aria-hidden className="inline-flex items-end gap-px">
        {BAR_HEIGHTS.map((height, i) => (
          <span key={height} className={`w-1 rounded-sm ${height} ${i < level ? "bg-current" : "bg-slate-200"}`} />
        ))}
      </span>
      {PRIORITY_LABELS[priority] ?? priority}
      <span className="sr-only"> priority</span>
    </span>
  );
}

export function EscalatedBadge() {
  return <Badge tone="red">Second line</Badge>;
}
