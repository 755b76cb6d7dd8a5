import { after } from "next/server";
import type { Defer } from "@/lib/defer";
import { drainOutbox } from "./sender";

async function deliverNow() {
  try {
    await drainOutbox({ maxBatches: 3 });
  } catch (error) {
    console.error("[outbox] delivery after request failed", error);
  }
}

/**
 * Delivers what a request queued right after the response is sent (Next's after()); the cron route
 * catches anything left over. Never blocks the user and never throws into the request.
 */
export function kickOutbox() {
  after(deliverNow);
}

/**
 * A Defer for actions (lib/defer.ts): runs a domain function's mailing after the response is sent,
 * then delivers what it queued. The user already has the answer, so a failure can only be logged:
 * it is, with the action's name.
 */
export function mailAfterResponse(label: string): Defer {
  return (work) => {
    after(async () => {
      try {
        await work();
      } catch (error) {
        console.error(`[${label}] mailing after the response failed`, error);
        return;
      }
      await deliverNow();
    });
  };
}
