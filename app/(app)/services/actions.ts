"use server";

import { placeOrder } from "@/lib/billing/orders";
import { placeOrderSchema } from "@/lib/billing/schemas";
import { action, redirectTo } from "@/lib/http/action";
import { requestMeta } from "@/lib/http/request-meta";
import { kickOutbox } from "@/lib/mail/kick";

/** A client orders a service (lib/http/action.ts): session → domain (parses the same schema as the form) → the new order's page. */
export const placeOrderAction = action({ name: "place-order", input: placeOrderSchema, revalidate: { path: "/orders" } }, async (actor, input) => {
  const { id } = await placeOrder(actor, input, await requestMeta());
  kickOutbox();
  return redirectTo(`/orders/${id}?placed=1`);
});
