"use client";

import { useRef, useState, useTransition } from "react";
import { FormMessage } from "@/components/forms/field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { failureText } from "@/components/tickets/action-button";
import { CancelButton, ConfirmDialog } from "@/components/tickets/confirm-dialog";
import type { ActionResult } from "@/lib/errors";
import { endOtherSessionsAction, endSessionAction } from "./actions";

/** A session as the page shows it (dates already formatted on the server). */
export type SessionRow = { id: string; browser: string; ip: string | null; signedIn: string; lastSeen: string; current: boolean };

type Message = { kind: "error" | "success"; text: string } | null;
const OFFLINE = "The server could not be reached. Check your connection and try again.";

const th = "px-4 py-2.5 font-medium";
const td = "px-4 py-3 align-top";

/**
 * The reader's active sessions, with "End" on every other one and "End all other sessions". The
 * outcome is announced in one status line, which also takes the focus when the ended row (and the
 * button that had it) disappears.
 */
export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const [message, setMessage] = useState<Message>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const status = useRef<HTMLDivElement>(null);
  const others = sessions.filter((s) => !s.current).length;

  function run<T>(action: () => Promise<ActionResult<T>>, success: (data: T) => string, after?: () => void) {
    start(async () => {
      setMessage(null);
      try {
        const result = await action();
        if (result.ok) {
          after?.();
          setMessage({ kind: "success", text: success(result.data) });
          status.current?.focus();
        } else setMessage({ kind: "error", text: failureText(result) ?? OFFLINE });
      } catch (e) {
        if (e && typeof e === "object" && "digest" in e) throw e;
        setMessage({ kind: "error", text: OFFLINE });
      } finally {
        setPendingId(null);
      }
    });
  }

  const endOne = (s: SessionRow) => {
    setPendingId(s.id);
    run(() => endSessionAction({ sessionId: s.id }), () => `The session on ${s.browser} has ended: it is signed out.`);
  };

  return (
    <div className="space-y-4">
      <div ref={status} tabIndex={-1} className="outline-none">
        <FormMessage message={message} />
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Active sessions</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className={th}>Browser</th>
              <th scope="col" className={th}>IP address</th>
              <th scope="col" className={th}>Signed in</th>
              <th scope="col" className={th}>Last seen</th>
              <th scope="col" className={th}><span className="sr-only">Action</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <th scope="row" className={`${td} font-medium text-slate-900`}>
                  {s.browser} {s.current ? <Badge tone="green">This session</Badge> : null}
                </th>
                <td className={`${td} font-mono text-xs text-slate-700`}>{s.ip ?? <span className="font-sans text-slate-400">Unknown</span>}</td>
                <td className={`${td} whitespace-nowrap text-slate-600`}>{s.signedIn}</td>
                <td className={`${td} whitespace-nowrap text-slate-600`}>{s.current ? "Now" : s.lastSeen}</td>
                <td className={`${td} text-right`}>
                  {s.current ? null : (
                    <Button
                      type="button"
                      variant="secondary"
                      className="px-2.5 py-1"
                      pending={pendingId === s.id}
                      pendingLabel="Ending…"
                      disabled={pending}
                      onClick={() => endOne(s)}
                      aria-label={`End the session on ${s.browser}${s.ip ? ` from ${s.ip}` : ""}, last seen ${s.lastSeen}`}
                    >
                      End
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <ConfirmDialog trigger="End all other sessions…" title="End all other sessions?">
          <p className="text-sm text-slate-700">
            {others === 1 ? "The other session" : `The ${others} other sessions`} will be signed out at once. This session stays signed in.
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <CancelButton />
            <Button
              type="button"
              variant="danger"
              pending={pending && pendingId === null}
              pendingLabel="Ending…"
              disabled={pending}
              onClick={(e) => {
                const dialog = e.currentTarget.closest("dialog");
                run(
                  () => endOtherSessionsAction(),
                  ({ ended }) => (ended === 1 ? "1 other session has ended." : `${ended} other sessions have ended.`),
                  () => dialog?.close(),
                );
              }}
            >
              {others === 1 ? "End 1 other session" : `End ${others} other sessions`}
            </Button>
          </div>
        </ConfirmDialog>
      ) : (
        <p className="text-sm text-slate-600">No other session is signed in.</p>
      )}
    </div>
  );
}
