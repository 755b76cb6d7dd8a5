import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";

export default async function Root() {
  const actor = await getActor();
  redirect(actor ? homeFor(actor.role) : "/sign-in");
}
