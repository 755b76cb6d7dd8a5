/**
 * The four route handlers end to end (minus the HTTP server): session → domain → response headers.
 * The session is the only thing replaced: `actorOrThrow` answers with the actor a test picks.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/test/factories";
import { GET as download, DELETE as remove } from "@/app/api/attachments/[id]/route";
import { GET as image } from "@/app/api/attachments/[id]/image/route";
import { POST as uploadToMessage } from "@/app/api/messages/[id]/attachments/route";
import { POST as uploadToTicket } from "@/app/api/tickets/[number]/attachments/route";
import { setStorage, type BlobStore } from "./storage";
import { postgresStore } from "./storage/postgres";
import { insertMessage, insertTicket, multipart, PDF, PNG, type Part } from "./testing";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  actorOrThrow: async () => {
    if (!session.actor) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
    return session.actor;
  },
}));

let client: Actor;
let otherClient: Actor;
let agent: Actor;

beforeAll(async () => {
  client = await createUser("client");
  otherClient = await createUser("client");
  agent = await createUser("agent");
});

const as = (actor: Actor | null) => (session.actor = actor);
const ctx = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });
const BASE = "http://localhost:3000";

function post(path: string, parts: Part[], headers: Record<string, string> = {}) {
  const { upload } = multipart(parts);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body: upload.body,
    duplex: "half",
    headers: { "content-type": upload.contentType!, host: "localhost:3000", ...headers },
  } as RequestInit);
}

async function jsonError(res: Response) {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

function expectSafeHeaders(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
}

async function uploaded(number: string, parts: Part[]) {
  as(client);
  const res = await uploadToTicket(post(`/api/tickets/${number}/attachments`, parts), ctx({ number }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { attachments: Array<{ id: string; filename: string }> }).attachments;
}

describe("attachment route handlers", () => {
  it("answers 401 with JSON to a signed-out request on every endpoint", async () => {
    as(null);
    const ticket = await insertTicket(client);
    const [a] = await uploaded(ticket.number, [{ filename: "a.png", bytes: PNG }]);
    as(null);
    const id = a!.id;
    const responses = [
      await uploadToTicket(post(`/api/tickets/${ticket.number}/attachments`, [{ filename: "b.png", bytes: PNG }]), ctx({ number: ticket.number })),
      await uploadToMessage(post(`/api/messages/${id}/attachments`, [{ filename: "b.png", bytes: PNG }]), ctx({ id })),
      await download(new Request(`${BASE}/api/attachments/${id}`), ctx({ id })),
      await image(new Request(`${BASE}/api/attachments/${id}/image`), ctx({ id })),
      await remove(new Request(`${BASE}/api/attachments/${id}`, { method: "DELETE" }), ctx({ id })),
    ];
    for (const res of responses) {
      expect(res.status).toBe(401);
      expect((await jsonError(res)).message).toBe("Your session has ended. Sign in again.");
    }
  });

  it("uploads (201), downloads as attachment with an RFC 6266 name, and shows images inline", async () => {
    const ticket = await insertTicket(client);
    const [shot, pdf] = await uploaded(ticket.number, [
      { filename: "screenshot.png", bytes: PNG },
      { filename: "Überweisung März.pdf", bytes: PDF },
    ]);
    as(agent);
    const file = await download(new Request(`${BASE}/api/attachments/${pdf!.id}`), ctx({ id: pdf!.id }));
    expect(file.status).toBe(200);
    expectSafeHeaders(file);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="Uberweisung Marz.pdf"; filename*=UTF-8''%C3%9Cberweisung%20M%C3%A4rz.pdf`,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

    const inline = await image(new Request(`${BASE}/api/attachments/${shot!.id}/image`), ctx({ id: shot!.id }));
    expect(inline.status).toBe(200);
    expectSafeHeaders(inline);
    expect(inline.headers.get("content-type")).toBe("image/png");
    expect(inline.headers.get("content-disposition")).toBe(`inline; filename="screenshot.png"; filename*=UTF-8''screenshot.png`);

    // The download endpoint never serves inline, even for images.
    const asFile = await download(new Request(`${BASE}/api/attachments/${shot!.id}`), ctx({ id: shot!.id }));
    expect(asFile.headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("answers 415 for a non-image on /image and 404 JSON for ids that are malformed or not visible", async () => {
    const ticket = await insertTicket(client);
    const [pdf] = await uploaded(ticket.number, [{ filename: "r.pdf", bytes: PDF }]);
    const notImage = await image(new Request(`${BASE}/api/attachments/${pdf!.id}/image`), ctx({ id: pdf!.id }));
    expect(notImage.status).toBe(415);
    expect((await jsonError(notImage)).message).toMatch(/not an image/);

    const bad = await download(new Request(`${BASE}/api/attachments/1;DROP TABLE attachments`), ctx({ id: "1;DROP TABLE attachments" }));
    expect(bad.status).toBe(404);
    expect(await jsonError(bad)).toEqual({ code: "not_found", message: "That attachment was not found." });

    as(otherClient);
    const other = await download(new Request(`${BASE}/api/attachments/${pdf!.id}`), ctx({ id: pdf!.id }));
    expect(other.status).toBe(404);
  });

  it("maps refusals to statuses: 415 wrong type, 413 too large, 409 closed ticket, 404 internal note for a client", async () => {
    const ticket = await insertTicket(client);
    as(client);
    const path = `/api/tickets/${ticket.number}/attachments`;
    const html = await uploadToTicket(post(path, [{ filename: "x.png", bytes: "<html><script>alert(1)</script>" }]), ctx({ number: ticket.number }));
    expect(html.status).toBe(415);
    expect((await jsonError(html)).message).toBe('"x.png" is named like a PNG image, but its content is not one.');

    const big = await uploadToTicket(post(path, [{ filename: "big.pdf", bytes: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }]), ctx({ number: ticket.number }));
    expect(big.status).toBe(413);

    const closed = await insertTicket(client, { status: "wont_fix" });
    const refused = await uploadToTicket(post(`/api/tickets/${closed.number}/attachments`, [{ filename: "a.png", bytes: PNG }]), ctx({ number: closed.number }));
    expect(refused.status).toBe(409);

    const note = await insertMessage(ticket.id, agent, { visibility: "internal" });
    const hidden = await uploadToMessage(post(`/api/messages/${note.id}/attachments`, [{ filename: "a.png", bytes: PNG }]), ctx({ id: note.id }));
    expect(hidden.status).toBe(404);
  });

  it("refuses an upload or deletion sent from another site (403)", async () => {
    const ticket = await insertTicket(client);
    as(client);
    const res = await uploadToTicket(
      post(`/api/tickets/${ticket.number}/attachments`, [{ filename: "a.png", bytes: PNG }], { origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
      ctx({ number: ticket.number }),
    );
    expect(res.status).toBe(403);
  });

  it("deletes with DELETE (200) for the uploader, 403 for staff who did not upload it", async () => {
    const ticket = await insertTicket(client);
    const [a, b] = await uploaded(ticket.number, [{ filename: "a.png", bytes: PNG }, { filename: "b.png", bytes: PNG }]);
    as(agent);
    const denied = await remove(new Request(`${BASE}/api/attachments/${b!.id}`, { method: "DELETE" }), ctx({ id: b!.id }));
    expect(denied.status).toBe(403);
    as(client);
    const ok = await remove(new Request(`${BASE}/api/attachments/${a!.id}`, { method: "DELETE" }), ctx({ id: a!.id }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: a!.id });
    const gone = await download(new Request(`${BASE}/api/attachments/${a!.id}`), ctx({ id: a!.id }));
    expect(gone.status).toBe(404);
  });

  it("answers 500 with a generic message, never the internal error, when storage fails", async () => {
    const ticket = await insertTicket(client);
    const [a] = await uploaded(ticket.number, [{ filename: "a.png", bytes: PNG }]);
    const broken: BlobStore = { ...postgresStore, get: async () => Promise.reject(new Error("connection refused at 10.0.0.5:5432")) };
    setStorage(broken);
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await download(new Request(`${BASE}/api/attachments/${a!.id}`), ctx({ id: a!.id }));
      expect(res.status).toBe(500);
      const error = await jsonError(res);
      expect(error.message).not.toContain("10.0.0.5");
      expect(spy).toHaveBeenCalled();
    } finally {
      setStorage(null);
      spy.mockRestore();
    }
  });
});
