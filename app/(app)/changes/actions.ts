"use server";

import { action, EVERYTHING, redirectTo } from "@/lib/http/action";
import { requestMeta } from "@/lib/http/request-meta";
import { kickOutbox } from "@/lib/mail/kick";
import { createChangeRequest, editChangeRequest, type ChangeResult } from "@/lib/change-requests/create";
import { approveChangeRequest, cancelChangeRequest, rejectChangeRequest, resubmitChangeRequest, submitChangeRequest } from "@/lib/change-requests/decide";
import { assignChangeRequest, completeChangeRequest, deployChangeRequest, rollBackChangeRequest, startChangeRequest } from "@/lib/change-requests/deliver";
import {
  approveChangeSchema,
  assignChangeSchema,
  cancelChangeSchema,
  changeRefSchema,
  completeChangeSchema,
  createChangeSchema,
  deployChangeSchema,
  editChangeSchema,
  rejectChangeSchema,
  rollBackChangeSchema,
} from "@/lib/change-requests/schemas";

/**
 * The doors in front of lib/change-requests (lib/http/action.ts): session → domain call (which
 * parses with the form's schema and checks permission, visibility, the rules and separation of
 * duties) → outbox kick → revalidate → redirect to the request's page. Nothing is decided here.
 */
const toPage = (r: ChangeResult) => {
  kickOutbox();
  return redirectTo(`/changes/${r.number}`);
};
const opts = <S>(name: string, input: S) => ({ name, input, revalidate: EVERYTHING });

export const createChangeAction = action(opts("create-change", createChangeSchema), async (actor, input) =>
  toPage(await createChangeRequest(actor, input, await requestMeta())),
);
export const editChangeAction = action(opts("edit-change", editChangeSchema), async (actor, input) =>
  toPage(await editChangeRequest(actor, input, await requestMeta())),
);
export const submitChangeAction = action(opts("submit-change", changeRefSchema), async (actor, input) =>
  toPage(await submitChangeRequest(actor, input, await requestMeta())),
);
export const resubmitChangeAction = action(opts("resubmit-change", changeRefSchema), async (actor, input) =>
  toPage(await resubmitChangeRequest(actor, input, await requestMeta())),
);
export const cancelChangeAction = action(opts("cancel-change", cancelChangeSchema), async (actor, input) =>
  toPage(await cancelChangeRequest(actor, input, await requestMeta())),
);
export const approveChangeAction = action(opts("approve-change", approveChangeSchema), async (actor, input) =>
  toPage(await approveChangeRequest(actor, input, await requestMeta())),
);
export const rejectChangeAction = action(opts("reject-change", rejectChangeSchema), async (actor, input) =>
  toPage(await rejectChangeRequest(actor, input, await requestMeta())),
);
export const assignChangeAction = action(opts("assign-change", assignChangeSchema), async (actor, input) =>
  toPage(await assignChangeRequest(actor, input, await requestMeta())),
);
export const startChangeAction = action(opts("start-change", changeRefSchema), async (actor, input) =>
  toPage(await startChangeRequest(actor, input, await requestMeta())),
);
export const deployChangeAction = action(opts("deploy-change", deployChangeSchema), async (actor, input) =>
  toPage(await deployChangeRequest(actor, input, await requestMeta())),
);
export const completeChangeAction = action(opts("complete-change", completeChangeSchema), async (actor, input) =>
  toPage(await completeChangeRequest(actor, input, await requestMeta())),
);
export const rollBackChangeAction = action(opts("roll-back-change", rollBackChangeSchema), async (actor, input) =>
  toPage(await rollBackChangeRequest(actor, input, await requestMeta())),
);
