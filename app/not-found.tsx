import type { Metadata } from "next";
import Link from "next/link";
import { BrandFrame } from "@/components/shell/brand-frame";
import { statusLinkClass, StatusMessage } from "@/components/ui/status-message";

export const metadata: Metadata = { title: "Page not found" };

/** An address no route matches (a signed-out visitor is sent to sign-in by the proxy first). */
export default function NotFound() {
  return (
    <BrandFrame>
      <StatusMessage
        code="404"
        title="Page not found"
        actions={
          <Link href="/" className={statusLinkClass}>
            Go to your home page
          </Link>
        }
      >
        <p>There is no page at this address. Check the link, or start again from your home page.</p>
      </StatusMessage>
    </BrandFrame>
  );
}
