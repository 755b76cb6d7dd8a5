import { PRIORITIES, STATUS_LABELS } from "@/lib/tickets/workflow";

const PRIORITY_LABELS: Record<string, string> = { low: "Low", normal: "Normal", high: "High", critical: "Critical" };

export const priorityOptions = PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] ?? p }));

/** The statuses an edit may set; won't fix has its own action with a required reason. */
export const editableStatusOptions = (["open", "in_progress", "waiting_for_customer", "closed"] as const).map((s) => ({ value: s, label: STATUS_LABELS[s] ?? s }));

/** The department choices of a ticket form, "none" first (the help desk at large). */
export const departmentOptions = (departments: { id: string; name: string }[]) => [
  { value: "", label: "No department (help desk)" },
  ...departments.map((d) => ({ value: d.id, label: d.name })),
];
