import { ConfirmAction } from "@/components/tickets/confirm-action";
import type { Actor } from "@/lib/auth/actor";
import { countDeassignable } from "@/lib/tickets/options";
import { formatCount } from "@/lib/tickets/queries";
import { deassignAllAction } from "./actions";

/** The manager's end-of-day button; the confirmation says how many tickets it will touch. */
export async function DeassignAll({ actor, from }: { actor: Actor; from: "/desk" | "/tickets" }) {
  const count = await countDeassignable(actor);
  // Past the cap the figure reads "1,000+" (every manager page shows this button, so it is not
  // counted exactly); the notice after the action gives the exact number.
  const tickets = count.n === 1 && !count.more ? "1 ticket" : `${formatCount(count)} tickets`;
  return (
    <ConfirmAction
      action={deassignAllAction}
      input={from}
      trigger="De-assign all…"
      title="De-assign all tickets?"
      body={
        count.n === 0 ? (
          <p>No ticket is in progress or waiting for a customer right now, so there is nothing to de-assign.</p>
        ) : (
          <p>
            <strong>{tickets}</strong> in progress or waiting for a customer will lose their assignee and go back to the queues as open. Each
            agent gets a note; clients are not e-mailed.
          </p>
        )
      }
      confirmLabel={count.n === 0 ? "De-assign anyway" : `De-assign ${tickets}`}
      pendingLabel="De-assigning…"
    />
  );
}
