import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, readLatestMail, signIn } from "./fixtures";

/**
 * Services, orders and recurring invoices end to end, every role in its own browser context:
 * a client orders → an admin activates → the billing job runs for the date → the client finds the
 * invoice (PDF, mail) → the accountant marks it paid → the client sees it paid.
 */
const today = () => new Date().toISOString().slice(0, 10);

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

test("a client orders, an admin activates, the job bills, the accountant marks it paid", async ({ browser }) => {
  const instance = `e2e-${Date.now().toString(36)}`;

  // The client orders a service from the catalogue.
  const client = await as(browser, DEMO.client);
  await client.goto("/services");
  await expect(client.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await client.getByRole("link", { name: "Order VPS Small" }).click();
  await client.getByLabel("Instance name").fill(instance);
  await client.getByLabel("Comments").fill("Debian 12, please.");
  await client.getByRole("button", { name: "Place order" }).click();
  await expect(client).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
  await expect(client.getByText("Thank you: your order is placed.")).toBeVisible();
  await expect(client.getByText("pending", { exact: true })).toBeVisible();

  // The orders list is mailed to deploy it by hand.
  const deployMail = await readLatestMail(browser, "orders@ticketry.localhost", { subject: instance });
  expect(deployMail).toContain("Debian 12, please.");

  // The admin activates it: the first due date is today.
  const admin = await as(browser, DEMO.admin);
  await admin.goto("/admin/orders?status=pending");
  await admin.getByRole("link", { name: instance }).click();
  await expect(admin.getByLabel("First due date")).toHaveValue(today());
  await admin.getByRole("button", { name: "Activate order" }).click();
  // The page re-renders with the order active (the activation card is gone).
  await expect(admin.getByRole("button", { name: "Activate order" })).toHaveCount(0);
  await expect(admin.getByText("active", { exact: true })).toBeVisible();
  // The order's history: who ordered, who activated it, what changed.
  const history = admin.getByRole("list", { name: "History" });
  await expect(history.getByRole("listitem").first()).toContainText("Activated by Adam Admin");
  await expect(history).toContainText(`Status: pending → active`);
  await expect(history).toContainText(`Next due: — → ${today()}`);
  await expect(history).toContainText("Ordered by Clara Client");

  // The daily job, run by hand for today.
  await admin.goto("/admin/invoices");
  await admin.getByLabel("Billing date").fill(today());
  await admin.getByRole("button", { name: "Run billing for date" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Billing for ${today()}:` })).toContainText(/[1-9]\d* invoices? issued/);

  // The client sees the invoice, downloads the PDF, and has it in the mailbox.
  await client.goto("/invoices");
  const row = client.getByRole("row").filter({ hasText: instance });
  await expect(row).toHaveCount(1);
  const number = (await row.getByRole("link").first().innerText()).trim();
  expect(number).toMatch(/^INV-\d{4}-\d{6}$/);
  await expect(row.getByText("unpaid")).toBeVisible();
  const [download] = await Promise.all([client.waitForEvent("download"), row.getByRole("link", { name: `Download ${number} as PDF` }).click()]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);

  const invoiceMail = await readLatestMail(browser, DEMO.client, { subject: `Invoice ${number}` });
  expect(invoiceMail).toContain(`VPS Small: ${instance}`);
  expect(invoiceMail).toContain("€9.99");

  // The accountant finds it in the filtered list and marks it paid.
  const accountant = await as(browser, DEMO.accountant);
  await accountant.goto(`/accounting?${new URLSearchParams({ client: DEMO.client, status: "unpaid" })}`);
  await expect(accountant.getByRole("heading", { level: 1, name: "Accounting" })).toBeVisible();
  const accRow = accountant.getByRole("row").filter({ hasText: number });
  await accRow.getByRole("button", { name: `Mark ${number} paid` }).click();
  await expect(accRow).toHaveCount(0); // filtered on unpaid: it leaves the list
  await accountant.goto(`/accounting?${new URLSearchParams({ client: DEMO.client, status: "paid" })}`);
  await accountant.getByRole("link", { name: number, exact: true }).click();
  await expect(accountant.getByText(/Marked paid by Aiko Accountant/)).toBeVisible();

  // The client sees it paid.
  await client.goto("/invoices");
  await expect(client.getByRole("row").filter({ hasText: instance }).getByText("paid", { exact: true })).toBeVisible();
  await client.getByRole("link", { name: number, exact: true }).click();
  await expect(client.getByRole("heading", { level: 1, name: `Invoice ${number}` })).toBeVisible();
  await expect(client.getByText(/recorded by/)).toHaveCount(0); // who recorded it is staff information
});

test("nobody else sees billing: pages and routes answer 404", async ({ browser }) => {
  const agent = await as(browser, DEMO.agent);
  for (const path of ["/services", "/orders", "/invoices", "/accounting", "/admin/services", "/admin/orders", "/admin/invoices"]) {
    const response = await agent.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const csv = await agent.request.get("/api/invoices/export");
  expect(csv.status()).toBe(404);
  expect(await csv.json()).toMatchObject({ error: { code: "not_found" } });

  const client = await as(browser, DEMO.client);
  expect((await client.goto("/accounting"))?.status()).toBe(404);
  expect((await client.goto("/admin/invoices"))?.status()).toBe(404);
  expect((await client.request.get("/api/invoices/export")).status()).toBe(404);
});

test("the billing cron route wants the secret", async ({ request }) => {
  const refused = await request.get("/api/cron/billing");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toHaveProperty("error");
  const wrong = await request.get("/api/cron/billing", { headers: { Authorization: "Bearer nope" } });
  expect(wrong.status()).toBe(401);
  // A date long past: nothing is due then, so this run bills nothing and changes nothing.
  const ok = await request.get("/api/cron/billing?date=2000-01-01", { headers: { Authorization: "Bearer e2e-cron-secret" } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ ok: true, date: "2000-01-01", invoicesIssued: 0, failures: [] });
});
