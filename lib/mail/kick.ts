import { after } from "next/server";
import { drainOutbox } from "./sender";

/**
 * Delivers what a request queued right after the response is sent (Next's after()); the cron route
 * catches anything left over. Never blocks the user and never throws into the request.
 */
export function kickOutbox() {
  after(async () => {
    try {
      await drainOutbox({ maxBatches: 3 });
    } catch (error) {
      console.error("[outbox] delivery after request failed", error);
    }
  });
}
