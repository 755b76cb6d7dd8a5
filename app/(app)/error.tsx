"use client";

import type { ErrorInfo } from "next/error";
import { ErrorView } from "@/components/shell/error-view";

/** An error in a signed-in page: shown inside the shell, so the navigation still works. */
export default function AppError({ error, retry }: ErrorInfo) {
  return (
    <>
      <title>Something went wrong · Ticketry</title>
      <ErrorView error={error} retry={retry} />
    </>
  );
}
