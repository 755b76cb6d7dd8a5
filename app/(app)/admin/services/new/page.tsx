import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { ServiceForm } from "../service-form";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  await requireActor("service.manage");
  return (
    <>
      <PageHeader title="New service" description={<Link href="/admin/services" className="text-brand-600 hover:underline">← Services</Link>} />
      <Card>
        <ServiceForm />
      </Card>
    </>
  );
}
