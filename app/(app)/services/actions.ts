"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOrThrow } from "@/lib/auth/session";
import { placeOrder } from "@/lib/billing/orders";
import { toActionError, type ActionResult } from "@/lib/errors";
import { requestMeta } from "@/lib/http/request-meta";
import { kickOutbox } from "@/lib/mail/kick";

/** A client orders a service: session → domain (parses the same schema as the form) → the new order's page. */
export async function placeOrderAction(input: unknown): Promise<ActionResult<never>> {
  let id: string;
  try {
    const actor = await actorOrThrow();
    ({ id } = await placeOrder(actor, input, await requestMeta()));
    kickOutbox();
    revalidatePath("/orders");
  } catch (error) {
    return toActionError(error, "place-order");
  }
  redirect(`/orders/${id}?placed=1`);
}
