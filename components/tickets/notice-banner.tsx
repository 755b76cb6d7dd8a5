import { ClearNotice } from "./clear-notice";
import { NOTICE_COOKIE } from "./notice-cookie";

/** The confirmation after an action brought the user here; announced politely (role="status"). */
export function NoticeBanner({ text }: { text: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {text ? (
        <p className="mb-5 rounded-md bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-900 ring-1 ring-emerald-200">{text}</p>
      ) : null}
      {text ? <ClearNotice name={NOTICE_COOKIE} /> : null}
    </div>
  );
}
