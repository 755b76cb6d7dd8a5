"use client";

import type { ErrorInfo } from "next/error";
import { BrandFrame } from "@/components/shell/brand-frame";
import { ErrorView } from "@/components/shell/error-view";

/** An error in a page outside the signed-in shell (sign-in, register …) or in that shell's layout. */
export default function RootError({ error, retry }: ErrorInfo) {
  return (
    <BrandFrame>
      <title>Something went wrong · Ticketry</title>
      <ErrorView error={error} retry={retry} />
    </BrandFrame>
  );
}
