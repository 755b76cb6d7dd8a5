import type { AttachmentDto } from "@/lib/attachments/dto";
import { formatBytes } from "@/lib/attachments/types";
import { DeleteAttachmentButton } from "./delete-attachment-button";

/**
 * A message's files: raster images as thumbnails that open full size, everything else as a
 * download link with name and size. Names are user input: React escapes them. Works in server and
 * client components. `deletableIds` adds a delete button (decide on the server who may delete).
 */
export function AttachmentList({ attachments, deletableIds = [], label = "Attachments" }: { attachments: AttachmentDto[]; deletableIds?: string[]; label?: string }) {
  if (!attachments.length) return null;
  const images = attachments.filter((a) => a.isImage && a.imageUrl);
  const files = attachments.filter((a) => !(a.isImage && a.imageUrl));
  return (
    <div className="mt-3 space-y-2" role="group" aria-label={label}>
      {images.length ? (
        <ul className="flex flex-wrap gap-2">
          {images.map((a) => (
            <li key={a.id} className="group relative">
              <a href={a.imageUrl!} target="_blank" rel="noopener noreferrer" className="block rounded-md border border-slate-200 bg-white p-1 hover:border-brand-600">
                {/* next/image would fetch through the optimizer without the session cookie: a plain img on our own route. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={a.imageUrl!} alt={a.filename} loading="lazy" className="h-24 max-w-48 rounded object-contain" />
                <span className="sr-only">Open full size ({formatBytes(a.size)})</span>
              </a>
              {deletableIds.includes(a.id) ? <DeleteAttachmentButton id={a.id} filename={a.filename} className="absolute right-1 top-1" /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {files.length ? (
        <ul className="space-y-1">
          {files.map((a) => (
            <li key={a.id} className="flex items-center gap-2 text-sm">
              <span aria-hidden className="text-slate-400">📎</span>
              <a href={a.downloadUrl} download={a.filename} className="font-medium text-brand-600 hover:underline">
                {a.filename}
              </a>
              <span className="text-xs text-slate-500">{formatBytes(a.size)}</span>
              {deletableIds.includes(a.id) ? <DeleteAttachmentButton id={a.id} filename={a.filename} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
