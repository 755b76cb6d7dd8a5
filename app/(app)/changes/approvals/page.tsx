import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { ChangeListPage } from "../change-list-page";

export const metadata: Metadata = { title: "Approvals" };

type Search = Record<string, string | string[] | undefined>;

/** The approvals queue: pending requests the approver may decide (never their own), oldest first. */
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor("ticket.approve");
  return <ChangeListPage actor={actor} scope="approvals" path="/changes/approvals" searchParams={await searchParams} />;
}
