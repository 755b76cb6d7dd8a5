/**
 * Issue 9, item 7, at the route handlers (app/api/**, through route()): hostile path segments and
 * query parameters get a 4xx JSON answer or a complete download, never a 500, and nothing is
 * written. The session is the only thing replaced, as in lib/attachments/routes.int.test.ts.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { getDb, rawRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/test/factories";
import { GET as download, DELETE as remove } from "@/app/api/attachments/[id]/route";
import { GET as image } from "@/app/api/attachments/[id]/image/route";
import { GET as billingCron } from "@/app/api/cron/billing/route";
import { GET as pdf } from "@/app/api/invoices/[id]/pdf/route";
import { GET as exportCsv } from "@/app/api/invoices/export/route";
import { POST as uploadToMessage } from "@/app/api/messages/[id]/attachments/route";
import { POST as uploadToTicket } from "@/app/api/tickets/[number]/attachments/route";
import { multipart, PNG } from "@/lib/attachments/testing";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  actorOrThrow: async () => {
    if (!session.actor) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
    return session.actor;
  },
}));
// The cron secret is not what is under test here (lib/http/route.test.ts covers it).
vi.mock("@/lib/http/cron", () => ({ isCronAuthorized: () => true, unauthorizedCron: () => new Response(null, { status: 401 }) }));

const BASE = "http://localhost:3000";
const ctx = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

/** Path segments as a hostile URL delivers them (Next hands route handlers the decoded segment). */
const HOSTILE_SEGMENTS = ["\u0000", "a\u0000b", "-".repeat(36), "0b9e2f4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c\u0000", "1;DROP TABLE attachments", "%E0%A4%A", "\ud800", "..%2F..%2Fetc%2Fpasswd", "x".repeat(5000)];

async function attachmentRows(): Promise<number> {
  const [row] = await rawRows<{ n: number }>(await getDb(), sql`SELECT count(*)::int AS n FROM attachments`);
  return Number(row!.n);
}

async function errorOf(res: Response) {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

function upload(path: string) {
  const { upload: body } = multipart([{ filename: "a.png", bytes: PNG }]);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body: body.body,
    duplex: "half",
    headers: { "content-type": body.contentType!, host: "localhost:3000", origin: BASE },
  } as RequestInit);
}

let client: Actor;
let admin: Actor;

beforeAll(async () => {
  client = await createUser("client");
  admin = await createUser("admin");
});

describe("hostile path segments on every route with one are 404 JSON, and nothing is written", () => {
  it.each(HOSTILE_SEGMENTS.map((s) => [JSON.stringify(s).slice(0, 40), s]))("%s", async (_label, segment) => {
    session.actor = client;
    const before = await attachmentRows();
    const responses = [
      await download(new Request(`${BASE}/api/attachments/x`), ctx({ id: segment })),
      await image(new Request(`${BASE}/api/attachments/x/image`), ctx({ id: segment })),
      await remove(new Request(`${BASE}/api/attachments/x`, { method: "DELETE", headers: { host: "localhost:3000" } }), ctx({ id: segment })),
      await uploadToTicket(upload("/api/tickets/x/attachments"), ctx({ number: segment })),
      await uploadToMessage(upload("/api/messages/x/attachments"), ctx({ id: segment })),
      await pdf(new Request(`${BASE}/api/invoices/x/pdf`), ctx({ id: segment })),
    ];
    for (const res of responses) {
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("not_found");
    }
    expect(await attachmentRows()).toBe(before);
  });
});

describe("hostile query parameters", () => {
  it.each([
    ["NUL client", "client=%00"],
    ["a control-character client", "client=a%01b"],
    ["year 0000 from", "from=0000-01-01"],
    ["a five-digit year to", "to=99999-12-31"],
    ["February 30", "from=2025-02-30&to=2025-02-30"],
    ["a bogus status", "status=bogus%00"],
    ["a malformed cursor", "cursor=%25%25%25"],
    ["an impossible cursor", `cursor=${Buffer.from(JSON.stringify({ n: "INV\u0000" })).toString("base64url")}`],
    ["repeated parameters", "client=a&client=b&from=2025-01-01&from=0000-01-01"],
  ])("the CSV export with %s answers a complete CSV (200), not a broken download", async (_what, query) => {
    session.actor = admin;
    const res = await exportCsv(new Request(`${BASE}/api/invoices/export?${query}`), ctx({}));
    expect(res.status).toBe(200);
    const text = await res.text(); // reads to the end: a failure mid-stream would throw here
    expect(text.split("\r\n")[0]).toContain("Number");
  });

  it.each(["0000-01-01", "99999-01-01", "2025-02-30", "2025-01-01%00", "yesterday"])("the billing cron with date=%s is 422 with a message", async (date) => {
    const res = await billingCron(new Request(`${BASE}/api/cron/billing?date=${date}`), ctx({}));
    expect(res.status).toBe(422);
    expect((await errorOf(res)).message).toMatch(/2025-01-31/);
  });
});
