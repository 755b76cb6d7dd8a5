import { Badge, type Tone } from "@/components/ui/badge";
import { CHANGE_STATUS_LABELS, CHANGE_TYPE_LABELS, type ChangeStatus, type ChangeType } from "@/lib/change-requests/rules";

const TONES: Record<ChangeStatus, Tone> = {
  draft: "gray",
  pending: "amber",
  approved: "blue",
  rejected: "red",
  in_progress: "purple",
  deployed: "blue",
  completed: "green",
  cancelled: "gray",
  rolled_back: "red",
};

/** A change request's status as words (never colour alone). */
export function ChangeStatusBadge({ status }: { status: ChangeStatus }) {
  return <Badge tone={TONES[status] ?? "gray"}>{CHANGE_STATUS_LABELS[status] ?? status}</Badge>;
}

export const changeTypeLabel = (t: string | null) => (t ? (CHANGE_TYPE_LABELS[t as ChangeType] ?? t) : "—");
