import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { PasswordForm, ProfileForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${actor.email}.`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Profile" description="The name others see on your messages.">
          <ProfileForm name={actor.name} />
        </Card>
        <Card title="Password" description="Changing it signs you out on every other device.">
          <PasswordForm />
        </Card>
      </div>
    </>
  );
}
