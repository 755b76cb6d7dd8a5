import Link from "next/link";
import { statusLinkClass, StatusMessage } from "@/components/ui/status-message";

export default function TicketNotFound() {
  return (
    <StatusMessage
      code="404"
      title="Ticket not found"
      actions={
        <Link href="/tickets" className={statusLinkClass}>
          Go to tickets
        </Link>
      }
    >
      <p>There is no such ticket, or it is not one you can see. Check the number, or find it in your list.</p>
    </StatusMessage>
  );
}
