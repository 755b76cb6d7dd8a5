import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { actionRefusal, decodesCleanly, guardRequest } from "./request-guard";

const BASE = "http://localhost:3000";
const action = (body: BodyInit, headers: Record<string, string>) =>
  new NextRequest(`${BASE}/account`, { method: "POST", body, headers: { host: "localhost:3000", origin: BASE, "next-action": "7f36b2", ...headers } });
const statusOf = async (p: Promise<Response | null>) => (await p)?.status ?? "passes";

describe("decodesCleanly", () => {
  it.each(["/tickets/TKT-20250101-0001", "/tickets/%C3%9Cber", "/a%20b", "/"])("passes %s", (path) => {
    expect(decodesCleanly(path)).toBe(true);
  });

  it.each(["/tickets/%E0%A4%A", "/admin/tickets/%E0%A4%A/edit", "/tickets/%", "/tickets/%zz", "/api/attachments/%C3"])("refuses %s", (path) => {
    expect(decodesCleanly(path)).toBe(false);
  });
});

describe("guardRequest", () => {
  it("answers a malformed escape under /api with 404 JSON", async () => {
    const res = await guardRequest(new NextRequest(`${BASE}/api/attachments/%E0%A4%A`));
    expect(res?.status).toBe(404);
    expect(await res!.json()).toEqual({ error: { code: "not_found", message: "Not found." } });
  });

  it("sends a malformed page path to the not-found page with 404", async () => {
    const res = await guardRequest(new NextRequest(`${BASE}/tickets/%E0%A4%A`));
    expect(res?.status).toBe(404);
    expect(res?.headers.get("x-middleware-rewrite")).toMatch(/\/_not-found-malformed-path$/);
  });

  it("lets ordinary requests through", async () => {
    expect(await guardRequest(new NextRequest(`${BASE}/tickets/TKT-20250101-0001`))).toBeNull();
    expect(await guardRequest(new NextRequest(`${BASE}/api/attachments/x`, { method: "POST", headers: { origin: "https://evil.example" } }))).toBeNull();
  });
});

describe("server action calls", () => {
  it("passes a same-origin call whose body decodes", async () => {
    expect(await statusOf(actionRefusal(action('[{"name":"Adam"}]', { "content-type": "text/plain;charset=UTF-8" })))).toBe("passes");
    const form = new FormData();
    form.set("1_name", "Adam");
    expect(await statusOf(actionRefusal(action(form, {})))).toBe("passes");
  });

  it("refuses a call from another origin with 403", async () => {
    const res = await actionRefusal(action("[]", { "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example" }));
    expect(res?.status).toBe(403);
    expect(((await res!.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  });

  it.each<[string, BodyInit, string]>([
    ["text that is not JSON", "not json{", "text/plain;charset=UTF-8"],
    ["an empty text body", "", "text/plain"],
    ["a broken multipart body", "garbage", "multipart/form-data; boundary=x"],
  ])("refuses %s with 400", async (_what, body, type) => {
    expect(await statusOf(actionRefusal(action(body, { "content-type": type })))).toBe(400);
  });

  it("is what guardRequest runs for a POST carrying Next-Action", async () => {
    expect(await statusOf(guardRequest(action("not json{", { "content-type": "text/plain" })))).toBe(400);
  });

  it("leaves the body readable for Next after the check", async () => {
    const request = action('[{"name":"Adam"}]', { "content-type": "text/plain" });
    await actionRefusal(request);
    expect(await request.text()).toBe('[{"name":"Adam"}]');
  });
});
