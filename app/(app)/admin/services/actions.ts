"use server";

import { serviceIdSchema, serviceSchema, updateServiceSchema } from "@/lib/billing/schemas";
import { createService, deleteService, updateService } from "@/lib/billing/services";
import { action, EVERYTHING, redirectTo } from "@/lib/http/action";
import { requestMeta } from "@/lib/http/request-meta";

/** The catalogue's doors (lib/http/action.ts): session → domain (permission, same schema as the form) → refresh → list. */

export const createServiceAction = action({ name: "create-service", input: serviceSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await createService(actor, input, await requestMeta());
  return redirectTo("/admin/services");
});

export const updateServiceAction = action({ name: "update-service", input: updateServiceSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await updateService(actor, input, await requestMeta());
  return { message: "Saved." };
});

export const deleteServiceAction = action({ name: "delete-service", input: serviceIdSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await deleteService(actor, input, await requestMeta());
  return redirectTo("/admin/services");
});
