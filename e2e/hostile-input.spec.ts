import { expect, test, type Browser, type Page } from "@playwright/test";
import { BASE_URL, DEMO, DEMO_PASSWORD, signIn } from "./fixtures";

/**
 * Issue 9, item 7, over HTTP against `next start`: what Next itself used to answer with a 500
 * (before any of our code ran) and what only a real server shows — malformed percent-escapes in a
 * path, hostile search parameters on every list page, cross-origin and undecodable server action
 * calls. Every answer is below 500, and a refused call writes nothing.
 */

// Many requests per test, and sign-ins in several contexts: more than the default minute on a busy machine.
test.describe.configure({ timeout: 300_000 });

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const IMPOSSIBLE_CURSOR = b64({ t: "2025-13-45T99:99:99.000Z", id: "-".repeat(36), n: "INV\u0000", s: "newest", v: ["0000-01-01T00:00:00.000000Z", "x"] });

test("a malformed percent-escape in a path is 404, for pages and API routes alike", async ({ browser }) => {
  const admin = await as(browser, DEMO.admin);
  for (const path of ["/tickets/%E0%A4%A", "/admin/tickets/%E0%A4%A/edit", "/orders/%E0%A4%A", "/invoices/%C3", "/%E0%A4%A"]) {
    const response = await admin.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(admin.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
  for (const path of ["/api/attachments/%E0%A4%A", "/api/invoices/%E0%A4%A/pdf", "/api/tickets/%E0%A4%A/attachments"]) {
    const response = await admin.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  }
});

test("every list page answers hostile search parameters below 500", async ({ browser }) => {
  const admin = await as(browser, DEMO.admin);
  const client = await as(browser, DEMO.client);
  const agent = await as(browser, DEMO.agent);
  const hostile = [
    "q=%00",
    "q=a%01b%1B%5B2J",
    "q=%ED%A0%80", // a lone surrogate, as UTF-8 bytes (invalid: becomes U+FFFD)
    `cursor=${IMPOSSIBLE_CURSOR}`,
    "cursor=%25%25%25",
    "cursor=%00",
    "q=a&q=b&cursor=x&cursor=y",
    "status=bogus%00&departmentId=-----&assigneeId=%00&sort=%00",
  ];
  const lists: Array<[Page, string, string[]]> = [
    [client, "/tickets", hostile],
    [agent, "/desk", hostile.map((h) => `tab=queue&${h}`)],
    [admin, "/tickets", hostile],
    [admin, "/admin/tickets", hostile],
    [client, "/orders", [`cursor=${IMPOSSIBLE_CURSOR}`, "cursor=%00", "cursor=a&cursor=b"]],
    [admin, "/admin/orders", ["client=%00", "client=a&client=b", `cursor=${IMPOSSIBLE_CURSOR}`, "status=bogus%00"]],
    [admin, "/admin/mailbox", ["to=%00", "to=a&to=b", `cursor=${IMPOSSIBLE_CURSOR}`]],
    [client, "/invoices", [`cursor=${IMPOSSIBLE_CURSOR}`, "status=%00&overdue=%00"]],
    [admin, "/accounting", ["from=0000-01-01", "to=99999-12-31", "from=2025-02-30", "client=%00", `cursor=${IMPOSSIBLE_CURSOR}`]],
    [admin, "/admin/invoices", ["from=0000-01-01&to=0001-01-01", "client=%00&client=x"]],
  ];
  for (const [page, path, params] of lists) {
    for (const query of params) {
      // The page's own request context: its session cookie, no rendering in the browser.
      const response = await page.request.get(`${path}?${query}`, { maxRedirects: 0 });
      expect(response.status(), `${path}?${query}`).toBeLessThan(500);
      expect(response.status(), `${path}?${query}`).toBe(200);
    }
  }
  // A search for control characters matches nothing, and says so.
  await client.goto("/tickets?q=%00");
  await expect(client.getByText("No tickets match these filters")).toBeVisible();

  // The CSV export with a date PostgreSQL refuses is a complete download, not one that breaks off.
  const csv = await admin.request.get("/api/invoices/export?from=0000-01-01&to=99999-01-01&client=%00");
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\r\n")[0]).toContain("Number");
});

test("a cross-origin or undecodable server action call is 4xx and writes nothing; NUL in a title is a field error", async ({ browser }) => {
  const client = await as(browser, DEMO.client);
  const title = `Hostile ${Date.now().toString(36)}`;

  // Learn the create-ticket action's id from a real submission, stopped before it reaches the server.
  await client.goto("/tickets/new");
  let actionId = "";
  await client.route("**/tickets/new", async (route) => {
    const id = route.request().headers()["next-action"];
    if (route.request().method() === "POST" && id) {
      actionId = id;
      return route.abort();
    }
    return route.continue();
  });
  await client.getByLabel("Title").fill(title);
  await client.getByLabel("Description").fill("Never sent.");
  await client.getByRole("button", { name: "Open ticket", exact: true }).click();
  await expect.poll(() => actionId).not.toBe("");
  await client.unroute("**/tickets/new");

  const call = (body: string, headers: Record<string, string> = {}) =>
    client.request.post("/tickets/new", {
      data: body,
      headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", origin: BASE_URL, accept: "text/x-component", ...headers },
    });

  const crossOrigin = await call(JSON.stringify([{ title, body: "From another site." }]), { origin: "https://evil.example" });
  expect(crossOrigin.status()).toBe(403);
  const notJson = await call("{not json");
  expect(notJson.status()).toBe(400);
  const brokenMultipart = await call("garbage", { "content-type": "multipart/form-data; boundary=x" });
  expect(brokenMultipart.status()).toBe(400);

  const nul = await call(JSON.stringify([{ title: `${title}\u0000`, body: "NUL in the title." }]));
  expect(nul.status()).toBe(200);
  expect(await nul.text()).toContain("Remove the invisible control characters");

  await client.goto(`/tickets?q=${encodeURIComponent(title)}`);
  await expect(client.getByText("No tickets match these filters")).toBeVisible();
});
