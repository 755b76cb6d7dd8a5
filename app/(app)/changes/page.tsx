import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { ChangeListPage } from "./change-list-page";

export const metadata: Metadata = { title: "Change requests" };

type Search = Record<string, string | string[] | undefined>;

/** My change requests (default), the technician's (?scope=assigned) or all (?scope=all, approvers). */
export default async function ChangesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const scope = sp.scope === "assigned" ? "assigned" : sp.scope === "all" ? "all" : "mine";
  return <ChangeListPage actor={actor} scope={scope} path="/changes" searchParams={sp} />;
}
