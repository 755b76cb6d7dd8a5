import { Badge, type Tone } from "@/components/ui/badge";

const invoiceTones: Record<string, Tone> = { draft: "gray", unpaid: "amber", paid: "green", void: "gray" };
const orderTones: Record<string, Tone> = { pending: "blue", active: "green", suspended: "amber", cancelled: "gray" };

export function InvoiceStatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  if (overdue) return <Badge tone="red">overdue</Badge>;
  return <Badge tone={invoiceTones[status] ?? "gray"}>{status}</Badge>;
}

export function OrderStatusBadge({ status }: { status: string }) {
  return <Badge tone={orderTones[status] ?? "gray"}>{status}</Badge>;
}
