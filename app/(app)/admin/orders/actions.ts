"use server";

import { updateOrder } from "@/lib/billing/order-edit";
import { activateOrder, cancelOrder, resumeOrder, suspendOrder } from "@/lib/billing/orders";
import { activateOrderSchema, orderIdSchema, updateOrderSchema } from "@/lib/billing/schemas";
import { action, EVERYTHING } from "@/lib/http/action";
import { requestMeta } from "@/lib/http/request-meta";
import { kickOutbox } from "@/lib/mail/kick";

/** One door per order step (lib/http/action.ts): session → domain (permission, state check, same schema) → refresh. */

const done = (message: string) => {
  kickOutbox();
  return { message };
};

export const activateOrderAction = action({ name: "activate-order", input: activateOrderSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await activateOrder(actor, input, await requestMeta());
  return done("Activated: billing starts on the first due date.");
});

export const suspendOrderAction = action({ name: "suspend-order", input: orderIdSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await suspendOrder(actor, input, await requestMeta());
  return done("Suspended.");
});

export const resumeOrderAction = action({ name: "resume-order", input: orderIdSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await resumeOrder(actor, input, await requestMeta());
  return done("Resumed.");
});

export const cancelOrderAction = action({ name: "cancel-order", input: orderIdSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await cancelOrder(actor, input, await requestMeta());
  return done("Cancelled.");
});

export const updateOrderAction = action({ name: "update-order", input: updateOrderSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await updateOrder(actor, input, await requestMeta());
  return done("Saved.");
});
