import { AttachmentList } from "@/components/attachments/attachment-list";
import type { AttachmentDto } from "@/lib/attachments/dto";
import type { TicketDetail } from "@/lib/tickets/queries";
import { TimeAgo } from "./time-ago";

type Message = TicketDetail["thread"][number];

type Props = {
  ticket: { body: string; createdAt: Date; requesterName: string };
  messages: Message[];
  bodyFiles: AttachmentDto[];
  filesByMessage: Record<string, AttachmentDto[]>;
  deletable: string[];
  now: Date;
  /** Staff see "Client"/"Staff" tags; clients see "You"/"Support". */
  viewer: "staff" | "client";
};

/**
 * The conversation: the description first, then every message the viewer may see (the query
 * leaves internal notes out for clients). Internal notes are marked in words and in amber.
 */
export function Thread({ ticket, messages, bodyFiles, filesByMessage, deletable, now, viewer }: Props) {
  return (
    <ol aria-label="Conversation" className="space-y-4">
      <li>
        <Entry
          id="description"
          author={ticket.requesterName}
          tag={viewer === "client" ? "You" : "Client"}
          at={ticket.createdAt}
          now={now}
          heading="Description"
          body={ticket.body}
          files={bodyFiles}
          deletable={deletable}
          tone="client"
        />
      </li>
      {messages.map((m) =>
        m.kind === "system" ? (
          <li key={m.id} className="flex items-center gap-3 text-xs text-slate-500">
            <span aria-hidden className="h-px flex-1 bg-slate-200" />
            <span className="whitespace-pre-wrap">{m.body}</span> · <TimeAgo date={m.createdAt} now={now} />
            <span aria-hidden className="h-px flex-1 bg-slate-200" />
          </li>
        ) : (
          <li key={m.id}>
            <Entry
              id={`message-${m.id}`}
              author={m.authorName ?? "Someone"}
              tag={m.fromRequester ? (viewer === "client" ? "You" : "Client") : viewer === "client" ? "Support" : "Staff"}
              at={m.createdAt}
              editedAt={m.editedAt}
              now={now}
              body={m.body}
              files={filesByMessage[m.id] ?? []}
              deletable={deletable}
              tone={m.visibility === "internal" ? "internal" : m.fromRequester ? "client" : "staff"}
            />
          </li>
        ),
      )}
    </ol>
  );
}

const TONES = {
  client: "border-slate-200 bg-white",
  staff: "border-blue-200 bg-blue-50/40",
  internal: "border-amber-300 bg-amber-50",
} as const;

function Entry(p: {
  id: string;
  author: string;
  tag: string;
  at: Date;
  editedAt?: Date | null;
  now: Date;
  heading?: string;
  body: string;
  files: AttachmentDto[];
  deletable: string[];
  tone: keyof typeof TONES;
}) {
  const internal = p.tone === "internal";
  return (
    <article id={p.id} aria-labelledby={`${p.id}-by`} data-testid={internal ? "internal-note" : "message"} className={`rounded-lg border p-4 shadow-sm ${TONES[p.tone]}`}>
      <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
        <h3 id={`${p.id}-by`} className="font-semibold text-slate-900">
          {p.author}
          {p.heading ? <span className="sr-only"> — {p.heading}</span> : null}
        </h3>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">{p.tag}</span>
        {internal ? (
          <span className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">Internal note</span>
        ) : null}
        <span className="text-xs text-slate-500">
          <TimeAgo date={p.at} now={p.now} />
          {p.editedAt ? " · edited" : ""}
        </span>
      </header>
      {p.heading ? <p className="mt-1 text-xs font-medium tracking-wide text-slate-500 uppercase">{p.heading}</p> : null}
      <div className="mt-2 text-sm leading-relaxed break-words whitespace-pre-wrap text-slate-800">{p.body}</div>
      <AttachmentList attachments={p.files} deletableIds={p.deletable.filter((id) => p.files.some((f) => f.id === id))} />
    </article>
  );
}
