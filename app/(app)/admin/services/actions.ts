"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOrThrow } from "@/lib/auth/session";
import { createService, deleteService, updateService } from "@/lib/billing/services";
import { toActionError, type ActionResult } from "@/lib/errors";
import { requestMeta } from "@/lib/http/request-meta";

/** The catalogue's doors: session → domain (permission, same schema as the form) → refresh → list. */
export async function createServiceAction(input: unknown): Promise<ActionResult<never>> {
  try {
    await createService(await actorOrThrow(), input, await requestMeta());
    revalidatePath("/", "layout");
  } catch (error) {
    return toActionError(error, "create-service");
  }
  redirect("/admin/services");
}

export async function updateServiceAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    await updateService(await actorOrThrow(), input, await requestMeta());
    revalidatePath("/", "layout");
    return { ok: true, data: { message: "Saved." } };
  } catch (error) {
    return toActionError(error, "update-service");
  }
}

export async function deleteServiceAction(input: unknown): Promise<ActionResult<never>> {
  try {
    await deleteService(await actorOrThrow(), input, await requestMeta());
    revalidatePath("/", "layout");
  } catch (error) {
    return toActionError(error, "delete-service");
  }
  redirect("/admin/services");
}
