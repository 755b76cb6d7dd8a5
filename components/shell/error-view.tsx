"use client";

import type { ErrorInfo } from "next/error";
import { Button } from "@/components/ui/button";
import { statusLinkClass, StatusMessage } from "@/components/ui/status-message";

/**
 * What every error boundary shows. The server logged the error; the person gets no details (the
 * production message is generic anyway), only the digest that finds it in the logs.
 * `retry` fetches the segment again (a server component's error is usually passing); `reset` alone
 * would only re-render what already failed. The way home is a plain link: a full load starts afresh
 * after an error, and next/link would add its client code to each error boundary's script.
 */
export function ErrorView({ error, retry }: Pick<ErrorInfo, "error" | "retry">) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <StatusMessage
      code="Error"
      title="Something went wrong"
      actions={
        <>
          <Button onClick={() => retry()}>Try again</Button>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load after an error, on purpose (see above) */}
          <a href="/" className={statusLinkClass}>
            Go to your home page
          </a>
        </>
      }
    >
      <p>This page could not be shown. Try again in a moment; if it keeps happening, tell us what you were doing.</p>
      {digest ? (
        <p className="mt-2 text-sm">
          Reference: <code className="font-mono">{digest}</code>
        </p>
      ) : null}
    </StatusMessage>
  );
}
