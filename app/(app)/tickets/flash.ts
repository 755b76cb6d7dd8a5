import "server-only";
import { cookies } from "next/headers";
import { NOTICE_COOKIE } from "@/components/tickets/notice-cookie";
import { noticeText, type Notice } from "./notices";

/**
 * One-shot confirmations after an action ("Ticket closed…"): a short-lived cookie naming the page
 * it is for, read by that page and cleared by the browser once shown (<ClearNotice/>). URLs stay
 * clean (/tickets/TKT-…), and a reload does not repeat the message. Nothing secret is in it.
 */

type Flash = { path: string; notice: Notice; number?: string; count?: number };

export async function setNotice(flash: Flash) {
  (await cookies()).set(NOTICE_COOKIE, JSON.stringify(flash), { path: "/", maxAge: 60, sameSite: "lax", httpOnly: false });
}

/** The notice's text if the cookie is for `path`, else null. */
export async function readNotice(path: string): Promise<string | null> {
  const raw = (await cookies()).get(NOTICE_COOKIE)?.value;
  if (!raw) return null;
  try {
    const flash = JSON.parse(raw) as Partial<Flash>;
    if (flash.path !== path) return null;
    return noticeText(flash.notice, { number: flash.number, count: flash.count === undefined ? undefined : String(flash.count) });
  } catch {
    return null;
  }
}
