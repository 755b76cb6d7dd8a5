import type { Metadata } from "next";
import Link from "next/link";
import { statusLinkClass, StatusMessage } from "@/components/ui/status-message";

export const metadata: Metadata = { title: "Not found" };

/** notFound() from a signed-in page: the header stays, so the way on is one click away. */
export default function AppNotFound() {
  return (
    <StatusMessage
      code="404"
      title="Not found"
      actions={
        <Link href="/" className={statusLinkClass}>
          Go to your home page
        </Link>
      }
    >
      <p>There is nothing here, or it is not something you can see. Check the link, or find it from your home page.</p>
    </StatusMessage>
  );
}
