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

/** Priority as a word with a small four-step meter beside it (decorative: the word carries the meaning). */
export function PriorityBadge({ priority }: { priority: string }) {
  const level = PRIORITY_BARS[priority] ?? 2;
  return (
    <span className={`inline-flex items-center gap-1.5 text-xs ${PRIORITY_STYLES[priority] ?? ""}`}>
      <span aria-hidden className="inline-flex items-end gap-px">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={`w-1 rounded-sm ${i <= level ? "bg-current" : "bg-slate-200"}`} style={{ height: `${4 + i * 2}px` }} />
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
