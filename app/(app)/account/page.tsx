import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { listSessions } from "@/lib/auth/sessions";
import { requireActor } from "@/lib/auth/session";
import { PasswordForm, ProfileForm } from "./account-forms";
import { SessionList } from "./session-list";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  const sessions = (await listSessions(actor)).map((s) => ({
    id: s.id,
    browser: s.browser,
    ip: s.ip,
    signedIn: formatDateTime(s.createdAt),
    lastSeen: formatDateTime(s.lastSeenAt),
    current: s.current,
  }));
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
      <div className="mt-6">
        <Card title="Active sessions" description="Where your account is signed in. End a session you do not recognise, then change your password.">
          <SessionList sessions={sessions} />
        </Card>
      </div>
    </>
  );
}
