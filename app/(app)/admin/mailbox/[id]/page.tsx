import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getMail } from "@/lib/mail/queries";

export const metadata: Metadata = { title: "E-mail" };

export default async function MailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("mail.view");
  const { id } = await params;
  const mail = await getMail(actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <>
      <Link href="/admin/mailbox" className="text-sm text-brand-600 hover:underline">
        ← Mailbox
      </Link>
      <PageHeader title={mail.subject} description={`To ${mail.to} · ${formatDateTime(mail.createdAt)}`} />
      <div className="mb-4 flex items-center gap-3 text-sm text-slate-600">
        <Badge tone={mail.status === "sent" ? "green" : mail.status === "failed" ? "red" : "amber"}>{mail.status}</Badge>
        <span>
          {mail.attempts} attempt{mail.attempts === 1 ? "" : "s"}
        </span>
        {mail.error ? <span className="text-red-700">Last error: {mail.error}</span> : null}
      </div>
      {mail.linksHidden ? (
        <p className="mb-4 text-sm text-slate-600">
          The single-use link in this mail is shown as [redacted]: it is delivered through Resend, and only its recipient may
          hold it.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Text">
          <pre data-testid="mail-text" className="text-sm break-words whitespace-pre-wrap text-slate-800">
            {mail.text}
          </pre>
        </Card>
        {mail.html ? (
          <Card title="HTML">
            {/* A sandbox with no scripts and no same-origin access; the document comes with its own
                Content-Security-Policy (a srcdoc frame would inherit this page's, which forbids the
                mail's inline styles). */}
            <iframe title="HTML version" sandbox="" src={`/api/mailbox/${mail.id}/html`} className="h-[32rem] w-full rounded border border-slate-200" />
          </Card>
        ) : null}
      </div>
    </>
  );
}
