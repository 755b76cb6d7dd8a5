"use server";

import { revalidatePath } from "next/cache";
import { actorOrThrow } from "@/lib/auth/session";
import { updateOrder } from "@/lib/billing/order-edit";
import { activateOrder, cancelOrder, resumeOrder, suspendOrder } from "@/lib/billing/orders";
import type { Actor } from "@/lib/auth/actor";
import { toActionError, type ActionResult } from "@/lib/errors";
import { requestMeta } from "@/lib/http/request-meta";
import { kickOutbox } from "@/lib/mail/kick";
import type { RequestMeta } from "@/lib/tickets/history";

type Step = (actor: Actor, input: unknown, meta: RequestMeta) => Promise<unknown>;

/** One door per order step: session → domain (permission, state check, same schema) → refresh. */
async function run(context: string, step: Step, input: unknown, message: string): Promise<ActionResult<{ message: string }>> {
  try {
    await step(await actorOrThrow(), input, await requestMeta());
    kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, data: { message } };
  } catch (error) {
    return toActionError(error, context);
  }
}

export async function activateOrderAction(input: unknown) {
  return run("activate-order", activateOrder, input, "Activated: billing starts on the first due date.");
}

export async function suspendOrderAction(input: unknown) {
  return run("suspend-order", suspendOrder, input, "Suspended.");
}

export async function resumeOrderAction(input: unknown) {
  return run("resume-order", resumeOrder, input, "Resumed.");
}

export async function cancelOrderAction(input: unknown) {
  return run("cancel-order", cancelOrder, input, "Cancelled.");
}

export async function updateOrderAction(input: unknown) {
  return run("update-order", updateOrder, input, "Saved.");
}
