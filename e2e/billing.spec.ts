import { expect, readLatestMail, STEP, storyBudget, test } from "./fixtures";

/**
 * Services, orders and recurring invoices end to end, every role in its own browser context and
 * the worker slot's own users: a client orders → an admin activates → the billing job runs for the
 * date → the client finds the invoice (PDF, mail) → the accountant marks it paid → the client sees
 * it paid.
 *
 * The billing run is desk-wide: it bills every active order due by the date. Only this story makes
 * orders due today (the demo orders fall due later; the cron test runs for 2000-01-01), and it
 * checks its own order's invoice rather than the run's count, so a run by another test or an
 * earlier attempt that billed this order first changes nothing here.
 */
const today = () => new Date().toISOString().slice(0, 10);

test("a client orders, an admin activates, the job bills, the accountant marks it paid", async ({ browser, as, client, admin, accountant }) => {
  test.setTimeout(storyBudget(8));
  const instance = `e2e-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const clientPage = await as(client);
  const adminPage = await as(admin);
  let number = "";

  await test.step("the client orders a service from the catalogue", async () => {
    await clientPage.goto("/services");
    await expect(clientPage.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
    await clientPage.getByRole("link", { name: "Order VPS Small" }).click();
    await clientPage.getByLabel("Instance name").fill(instance);
    await clientPage.getByLabel("Comments").fill("Debian 12, please.");
    await clientPage.getByRole("button", { name: "Place order" }).click();
    await expect(clientPage).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
    await expect(clientPage.getByText("Thank you: your order is placed.")).toBeVisible();
    await expect(clientPage.getByText("pending", { exact: true })).toBeVisible();
  }, STEP);

  await test.step("the orders desk is mailed to deploy it by hand", async () => {
    const deployMail = await readLatestMail(browser, "orders@ticketry.localhost", { subject: instance });
    expect(deployMail).toContain("Debian 12, please.");
  }, STEP);

  await test.step("the admin activates it: the first due date is today", async () => {
    await adminPage.goto("/admin/orders?status=pending");
    await adminPage.getByRole("link", { name: instance }).click();
    await expect(adminPage.getByLabel("First due date")).toHaveValue(today());
    await adminPage.getByRole("button", { name: "Activate order" }).click();
    // The page re-renders with the order active (the activation card is gone).
    await expect(adminPage.getByRole("button", { name: "Activate order" })).toHaveCount(0);
    await expect(adminPage.getByText("active", { exact: true })).toBeVisible();
    // The order's history: who ordered, who activated it, what changed.
    const history = adminPage.getByRole("list", { name: "History" });
    await expect(history.getByRole("listitem").first()).toContainText(`Activated by ${admin.name}`);
    await expect(history).toContainText(`Status: pending → active`);
    await expect(history).toContainText(`Next due: — → ${today()}`);
    await expect(history).toContainText(`Ordered by ${client.name}`);
  }, STEP);

  await test.step("the admin runs the daily billing job by hand for today", async () => {
    await adminPage.goto("/admin/invoices");
    await adminPage.getByLabel("Billing date").fill(today());
    await adminPage.getByRole("button", { name: "Run billing for date" }).click();
    await expect(adminPage.getByRole("status").filter({ hasText: `Billing for ${today()}:` })).toContainText(/invoices? issued/);
  }, STEP);

  await test.step("the client has the invoice in the list and as a PDF", async () => {
    await clientPage.goto("/invoices");
    const row = clientPage.getByRole("row").filter({ hasText: instance });
    await expect(row).toHaveCount(1);
    number = (await row.getByRole("link").first().innerText()).trim();
    expect(number).toMatch(/^INV-\d{4}-\d{6}$/);
    await expect(row.getByText("unpaid")).toBeVisible();
    const [download] = await Promise.all([clientPage.waitForEvent("download"), row.getByRole("link", { name: `Download ${number} as PDF` }).click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  }, STEP);

  await test.step("the client is mailed the invoice", async () => {
    const invoiceMail = await readLatestMail(browser, client.email, { subject: `Invoice ${number}` });
    expect(invoiceMail).toContain(`VPS Small: ${instance}`);
    expect(invoiceMail).toContain("€9.99");
  }, STEP);

  await test.step("the accountant finds it in the filtered list and marks it paid", async () => {
    const accountantPage = await as(accountant);
    await accountantPage.goto(`/accounting?${new URLSearchParams({ client: client.email, status: "unpaid" })}`);
    await expect(accountantPage.getByRole("heading", { level: 1, name: "Accounting" })).toBeVisible();
    const accRow = accountantPage.getByRole("row").filter({ hasText: number });
    await accRow.getByRole("button", { name: `Mark ${number} paid` }).click();
    await expect(accRow).toHaveCount(0); // filtered on unpaid: it leaves the list
    await accountantPage.goto(`/accounting?${new URLSearchParams({ client: client.email, status: "paid" })}`);
    await accountantPage.getByRole("link", { name: number, exact: true }).click();
    await expect(accountantPage.getByText(new RegExp(`Marked paid by ${accountant.name}`))).toBeVisible();
  }, STEP);

  await test.step("the client sees it paid, without who recorded it", async () => {
    await clientPage.goto("/invoices");
    await expect(clientPage.getByRole("row").filter({ hasText: instance }).getByText("paid", { exact: true })).toBeVisible();
    await clientPage.getByRole("link", { name: number, exact: true }).click();
    await expect(clientPage.getByRole("heading", { level: 1, name: `Invoice ${number}` })).toBeVisible();
    await expect(clientPage.getByText(/recorded by/)).toHaveCount(0); // who recorded it is staff information
  }, STEP);
});

test("nobody else sees billing: pages and routes answer 404", async ({ as, agent, client }) => {
  const agentPage = await as(agent);
  for (const path of ["/services", "/orders", "/invoices", "/accounting", "/admin/services", "/admin/orders", "/admin/invoices"]) {
    const response = await agentPage.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const csv = await agentPage.request.get("/api/invoices/export");
  expect(csv.status()).toBe(404);
  expect(await csv.json()).toMatchObject({ error: { code: "not_found" } });

  const clientPage = await as(client);
  expect((await clientPage.goto("/accounting"))?.status()).toBe(404);
  expect((await clientPage.goto("/admin/invoices"))?.status()).toBe(404);
  expect((await clientPage.request.get("/api/invoices/export")).status()).toBe(404);
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
