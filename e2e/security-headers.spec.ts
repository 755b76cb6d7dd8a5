import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { BASE_URL, DEMO, DEMO_PASSWORD, linkFrom, readLatestMail, signIn, uniqueEmail } from "./fixtures";

/**
 * The security headers, and every page working under the Content-Security-Policy: each page of each
 * role is opened in Chromium, must hydrate (its nonced scripts ran) and must not raise a single CSP
 * violation. The demo accounts only look; the one ticket needed for the ticket pages belongs to a
 * client this file registers.
 */

/** Every page route in app/ ("/tickets/[number]"; route groups dropped). */
function appRoutes(dir = "app", route = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") found.push(route || "/");
    if (!entry.isDirectory() || entry.name === "api" || entry.name.startsWith("_")) continue;
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    found.push(...appRoutes(path.join(dir, entry.name), route + segment));
  }
  return found;
}

const ROUTES = appRoutes();
const STATIC_ROUTES = new Set(ROUTES.filter((r) => !r.includes("[")));

/**
 * A page to open: a static route as it is (or at `path`, e.g. with a query), a dynamic one through the
 * first fitting link on `from` (a path, or a route opened earlier in the same list).
 */
type Visit = { route: string; path?: string; from?: string; then?: (page: Page) => Promise<void> };

const SIGNED_OUT: Visit[] = [
  { route: "/sign-in" },
  { route: "/register" },
  { route: "/forgot-password" },
  { route: "/verify" },
  { route: "/verify", path: "/verify?token=not-a-real-token" },
  { route: "/reset-password" },
  { route: "/reset-password", path: "/reset-password?token=not-a-real-token" },
];

type Account = { email: string; password: string };
const demo = (email: string): Account => ({ email, password: DEMO_PASSWORD });
/** Registered in beforeAll below. */
const newClient: Account = { email: "", password: "a long enough password" };

const ROLES: { who: string; account: () => Account; visits: Visit[] }[] = [
  {
    who: "client",
    account: () => demo(DEMO.client),
    visits: [
      { route: "/" },
      { route: "/portal" },
      { route: "/tickets" },
      { route: "/tickets/new" },
      { route: "/services" },
      { route: "/services/[id]/order", from: "/services" },
      { route: "/orders" },
      { route: "/orders/[id]", from: "/orders" },
      { route: "/invoices" },
      { route: "/invoices/[id]", from: "/invoices" },
      { route: "/notifications" },
      { route: "/account" },
    ],
  },
  {
    // The demo client may have no ticket yet: this one has opened one (beforeAll).
    who: "new client",
    account: () => newClient,
    visits: [{ route: "/tickets/[number]", from: "/tickets" }],
  },
  {
    who: "agent",
    account: () => demo(DEMO.agent),
    visits: [
      { route: "/desk" },
      { route: "/desk", path: "/desk?tab=queue" },
      { route: "/tickets/[number]", from: "/desk?tab=queue" },
      { route: "/tickets" },
      { route: "/notifications" },
      { route: "/account" },
    ],
  },
  {
    who: "second-line agent",
    account: () => demo(DEMO.agentL2),
    visits: [{ route: "/desk" }, { route: "/desk", path: "/desk?tab=escalated" }],
  },
  {
    who: "accountant",
    account: () => demo(DEMO.accountant),
    visits: [{ route: "/accounting" }, { route: "/invoices/[id]", from: "/accounting" }, { route: "/account" }],
  },
  {
    who: "manager",
    account: () => demo(DEMO.manager),
    visits: [
      { route: "/manage" },
      { route: "/manage/stats" },
      { route: "/manage/agents" },
      { route: "/manage/agents/[id]", from: "/manage/agents" },
      { route: "/tickets" },
      { route: "/tickets/[number]", from: "/tickets" },
      { route: "/desk" },
    ],
  },
  {
    who: "manager (change requests)",
    account: () => demo(DEMO.manager),
    visits: [
      { route: "/changes" },
      { route: "/changes/new", then: saveDraftChange },
      { route: "/changes/[number]", from: "/changes" },
      { route: "/changes/[number]/edit", from: "/changes/[number]" },
      { route: "/changes/approvals" },
      { route: "/changes/calendar" },
      { route: "/changes/calendar", path: "/changes/calendar?view=month" },
    ],
  },
  {
    who: "admin (tickets, services)",
    account: () => demo(DEMO.admin),
    visits: [
      { route: "/admin" },
      { route: "/admin/tickets" },
      { route: "/admin/tickets/new" },
      { route: "/admin/tickets/[number]/edit", from: "/admin/tickets" },
      { route: "/admin/services" },
      { route: "/admin/services/new" },
      { route: "/admin/services/[id]", from: "/admin/services" },
    ],
  },
  {
    who: "admin (orders, invoices, mail)",
    account: () => demo(DEMO.admin),
    visits: [
      { route: "/admin/orders" },
      { route: "/admin/orders/[id]", from: "/admin/orders" },
      { route: "/admin/invoices" },
      { route: "/admin/invoices/new" },
      { route: "/invoices/[id]", from: "/admin/invoices" },
      { route: "/admin/invoices/[id]", from: "/invoices/[id]" },
      { route: "/admin/mailbox" },
      { route: "/admin/mailbox/[id]", from: "/admin/mailbox", then: mailFrameRenders },
    ],
  },
];

/** Not-found pages, signed in as the demo client: the top-level one and those inside the shell. */
const NOT_FOUND: { path: string; heading: string }[] = [
  { path: "/no-such-page", heading: "Page not found" },
  { path: "/orders/00000000-0000-4000-8000-000000000000", heading: "Not found" },
  { path: "/tickets/TKT-00000000-0000", heading: "Ticket not found" },
];

/** Collects CSP violations (the DOM event and Chromium's console report) for the page's lifetime. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => violations.push(text));
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
    document.addEventListener(
      "securitypolicyviolation",
      (e) => report(`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || "inline code"} (${e.sourceFile}:${e.lineNumber})`),
      true,
    );
  });
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(`console ${message.type()}: ${message.text()}`);
  });
  return violations;
}

/**
 * The mailbox frames a mail's HTML from a document with a policy of its own (inline styles allowed,
 * nothing else), which only this site may frame.
 */
async function mailFrameRenders(page: Page) {
  const frame = page.getByTitle("HTML version");
  await expect(frame.contentFrame().locator("body")).toContainText(/\S/);
  const src = await frame.getAttribute("src");
  const response = await page.request.get(src!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox");
  expect(response.headers()["x-frame-options"]).toBe("SAMEORIGIN");
}

/** Saves a draft change request from the form just opened, so the request pages have one to show. */
async function saveDraftChange(page: Page) {
  await page.getByLabel("Title").fill(`Checking the page policy ${Date.now().toString(36)}`);
  await page.getByLabel("Description").fill("Saved by the security-headers spec so the change pages have a request to show.");
  await page.getByLabel("Component type").fill("storage");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page).toHaveURL(/\/changes\/TKT-\d{8}-\d{4,}$/, { timeout: 30_000 });
}

/** Opens a page and waits until React has hydrated it: proof that its nonced scripts ran. */
async function open(page: Page, url: string, violations: string[], status = 200) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(status);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // Next.js adds its route announcer from the client bundle, after hydration.
  await expect(page.locator("next-route-announcer")).toBeAttached();
  expect(violations, `CSP violations on ${url}`).toEqual([]);
}

/** The first link on the page whose path is an instance of this dynamic route (not a static sibling). */
async function linkTo(page: Page, route: string): Promise<string> {
  const pattern = new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/?#]+")}$`);
  const hrefs = await page.getByRole("link").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const match = hrefs.map((href) => new URL(href).pathname).find((p) => pattern.test(p) && !STATIC_ROUTES.has(p));
  if (!match) throw new Error(`No link to ${route} on ${page.url()}`);
  return match;
}

async function visitAll(page: Page, visits: Visit[], violations: string[]) {
  const opened = new Map<string, string>();
  for (const visit of visits) {
    let url = visit.path ?? visit.route;
    if (visit.from) {
      await open(page, opened.get(visit.from) ?? visit.from, violations);
      url = await linkTo(page, visit.route);
    }
    await open(page, url, violations);
    await visit.then?.(page);
    expect(violations, `CSP violations on ${url}`).toEqual([]);
    opened.set(visit.route, url);
  }
}

async function signedIn(browser: Browser, { email, password }: Account) {
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  const violations = await watchCsp(page);
  await signIn(page, email, password);
  return { page, violations };
}

async function registerClientWithTicket(browser: Browser) {
  newClient.email = uniqueEmail("csp-client");
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill("Cora Policy");
  await page.getByLabel("E-mail", { exact: true }).fill(newClient.email);
  await page.getByLabel("Password", { exact: true }).fill(newClient.password);
  await page.getByLabel("Repeat the password", { exact: true }).fill(newClient.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();
  await page.goto(linkFrom(await readLatestMail(browser, newClient.email)));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is confirmed" })).toBeVisible();
  await signIn(page, newClient.email, newClient.password);
  await page.goto("/tickets/new");
  await page.getByLabel("Title", { exact: true }).fill(`Checking the page policy ${Date.now().toString(36)}`);
  await page.getByLabel("Description", { exact: true }).fill("Opened by the security-headers spec so the ticket pages have a ticket to show.");
  await page.getByRole("button", { name: "Open ticket", exact: true }).click();
  // Opening a ticket also queues its mail: allow a busy server some time.
  await expect(page.getByRole("status").filter({ hasText: "has been created" })).toBeVisible({ timeout: 30_000 });
  await context.close();
}

test("the visits below cover every page in app/", () => {
  const visited = new Set([...SIGNED_OUT, ...ROLES.flatMap((r) => r.visits)].map((v) => v.route));
  expect([...visited].sort()).toEqual([...new Set(ROUTES)].sort());
});

test("a page carries the security headers, with a fresh nonce that its scripts use", async ({ page }) => {
  const violations = await watchCsp(page);
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toContain("unsafe-inline");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // APP_URL is http://localhost in e2e.
  expect(headers["strict-transport-security"]).toBeUndefined();

  // Every script Next.js rendered carries this response's nonce (the DOM hides it from attributes).
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  await expect(page.locator("next-route-announcer")).toBeAttached();
  expect(violations).toEqual([]);

  const again = await page.request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);
});

test("a script slipped into a page without the nonce is refused and reported, and eval is refused", async ({ page }) => {
  const violations = await watchCsp(page);
  // What an injection would look like: the server's own response and policy, plus two scripts in <head>.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const nonce = response.headers()["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1];
    const injected =
      `<script>document.documentElement.dataset.injected = "ran"</script>` +
      `<script nonce="${nonce}">try { eval("1"); document.documentElement.dataset.evaluated = "yes" } catch { document.documentElement.dataset.evaluated = "no" }</script>`;
    await route.fulfill({ response, body: (await response.text()).replace("</head>", `${injected}</head>`) });
  });
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("data-evaluated", "no");
  await expect(page.locator("html")).not.toHaveAttribute("data-injected", /./);
  const events = () => violations.filter((v) => v.startsWith("/sign-in:")).map((v) => v.split(" ")[1]);
  await expect.poll(events).toEqual(["script-src-elem", "script-src"]);
});

test("not-found pages carry the headers, are styled and render under the policy", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, violations } = await signedIn(browser, demo(DEMO.client));
  for (const { path: url, heading } of NOT_FOUND) {
    await open(page, url, violations, 404);
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    const headers = (await page.request.get(url)).headers();
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], url).toBe("DENY");
  }
  await page.goto("/no-such-page");
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(page).toHaveURL(/\/portal$/);
});

test("the favicon is served, and API routes keep their own stricter headers", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect(icon.headers()["x-content-type-options"]).toBe("nosniff");

  const api = await request.get("/api/attachments/00000000-0000-4000-8000-000000000000");
  expect(api.status()).toBeGreaterThanOrEqual(400);
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect(api.headers()["referrer-policy"]).toBe("no-referrer");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
});

test("signed-out pages render under the policy", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(page);
  await visitAll(page, SIGNED_OUT, violations);
});

test.describe("every page of every role", () => {
  test.beforeAll(async ({ browser }) => {
    // Registration reads its mail from the mailbox, then the ticket is opened: several round trips.
    test.setTimeout(240_000);
    await registerClientWithTicket(browser);
  });

  for (const role of ROLES) {
    test(`${role.who}: every page renders under the policy`, async ({ browser }) => {
      // Up to a dozen page loads with hydration each, on a machine that may be busy.
      test.setTimeout(240_000);
      const { page, violations } = await signedIn(browser, role.account());
      await visitAll(page, role.visits, violations);
    });
  }
});
