"use client";

import type { ErrorInfo } from "next/error";
import { BrandFrame } from "@/components/shell/brand-frame";
import { ErrorView } from "@/components/shell/error-view";
import "./globals.css";

/** The root layout itself failed: this replaces it, so it brings its own document and styles. */
export default function GlobalError({ error, retry }: ErrorInfo) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <title>Something went wrong · Ticketry</title>
        <BrandFrame>
          <ErrorView error={error} retry={retry} />
        </BrandFrame>
      </body>
    </html>
  );
}
