import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, formMessage, linkFrom, readLatestMail, signIn, signOut, uniqueEmail } from "./fixtures";

const PASSWORD = "a long enough password";

test("a manager invites an agent, who sets a password from the mail and signs in to the desk", async ({ page, browser }) => {
  const email = uniqueEmail("agent");
  await signIn(page, DEMO.manager, DEMO_PASSWORD);
  await page.goto("/manage/agents");
  await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();

  const invite = page.getByRole("form", { name: "Invite agent" });
  await invite.getByLabel("Name", { exact: true }).fill("Ivo Invited");
  await invite.getByLabel("E-mail", { exact: true }).fill(email);
  await invite.getByLabel("Tier", { exact: true }).selectOption({ label: "Second line (escalated tickets)" });
  await invite.getByRole("checkbox", { name: "General support" }).check();
  await invite.getByRole("button", { name: "Invite agent" }).click();
  await expect(formMessage(page)).toContainText(`${email} was sent a link`);

  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Second line");
  await expect(row).toContainText("Invited");
  await expect(row).toContainText("General support");

  const link = linkFrom(await readLatestMail(browser, email, { subject: /invited/i }));
  expect(link).toContain("/reset-password?token=");

  await signOut(page);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Repeat the password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(formMessage(page)).toContainText("Your password is set");

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole("heading", { level: 1, name: "Agent desk" })).toBeVisible();
});

test("inviting an address that already has an account is refused on the field", async ({ page }) => {
  await signIn(page, DEMO.manager, DEMO_PASSWORD);
  await page.goto("/manage/agents");
  const invite = page.getByRole("form", { name: "Invite agent" });
  await invite.getByLabel("Name", { exact: true }).fill("Copy Cat");
  await invite.getByLabel("E-mail", { exact: true }).fill(DEMO.client);
  await invite.getByRole("button", { name: "Invite agent" }).click();
  await expect(invite.getByLabel("E-mail", { exact: true })).toHaveAccessibleDescription(/already exists/);
  await expect(page.getByRole("row").filter({ hasText: DEMO.client })).toHaveCount(0);
});

test("the manager sees the statistics: per-agent table and the opened vs closed chart with its data table", async ({ page }) => {
  await signIn(page, DEMO.manager, DEMO_PASSWORD);
  await page.goto("/manage");
  await expect(page.getByRole("heading", { level: 1, name: "Manager dashboard" })).toBeVisible();
  await page.getByRole("link", { name: /Statistics/ }).last().click();
  await expect(page).toHaveURL(/\/manage\/stats$/);
  await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();

  const agents = page.getByRole("table", { name: "Tickets per agent" });
  for (const header of ["Open", "Closed", "Reopened", "Reopened ÷ closed"]) {
    await expect(agents.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  await expect(agents.getByRole("rowheader", { name: /Arne Agent/ })).toBeVisible();
  await expect(agents.getByRole("rowheader", { name: /Lena Second-Line/ })).toBeVisible();

  const chart = page.getByRole("img", { name: /Tickets opened and closed per day/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("path")).toHaveCount(2);

  await page.getByText("Show the numbers as a table").click();
  const data = page.getByRole("table", { name: "Tickets opened and closed per day" });
  await expect(data.getByRole("row")).toHaveCount(31); // header + 30 days
  // The legend's totals are the table's sums.
  const opened = (await data.locator("tbody tr td:nth-of-type(1)").allInnerTexts()).reduce((s, v) => s + Number(v.replace(/,/g, "")), 0);
  await expect(page.getByRole("list", { name: "Legend" })).toContainText(`Opened (${opened.toLocaleString("en")} in 30 days)`);
});

test("an admin opens a ticket for a client, edits it, the client sees it, then the admin deletes it", async ({ page, browser }) => {
  const title = `Phoned in ${Date.now().toString(36)}`;
  await signIn(page, DEMO.admin, DEMO_PASSWORD);
  await page.goto("/admin/tickets");
  await page.getByRole("link", { name: "New ticket for a client" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New ticket for a client" })).toBeVisible();

  await page.getByLabel("Find a client by name or e-mail").fill(DEMO.client);
  const client = page.getByLabel("Ticket for", { exact: true });
  await expect(page.getByText("1 matching client", { exact: true })).toBeVisible();
  await expect(client.locator("option", { hasText: DEMO.client })).toHaveCount(1);
  await client.selectOption({ label: `Clara Client <${DEMO.client}>` });
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Description", { exact: true }).fill("The client called: the VPN drops every hour.");
  await page.getByLabel("Priority", { exact: true }).selectOption("high");
  await page.getByRole("button", { name: "Create ticket" }).click();

  await expect(page).toHaveURL(/\/admin\/tickets\/TKT-\d{8}-\d{4,}\/edit/, { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "was created for Clara Client" })).toBeVisible();
  const number = page.url().match(/TKT-\d{8}-\d{4,}/)![0];

  // Nobody is assigned yet: in progress is not on offer. Tasks are the chosen project's only.
  await expect(page.getByLabel("Status", { exact: true }).locator("option", { hasText: "In progress" })).toBeDisabled();
  await expect(page.getByLabel("Task", { exact: true })).toBeDisabled();
  await page.getByLabel("Project", { exact: true }).selectOption({ label: "Website relaunch" });
  const task = page.getByLabel("Task", { exact: true });
  await expect(task.locator("option")).toHaveText(["None", "Checkout flow", "Content migration"]);
  await task.selectOption({ label: "Checkout flow" });
  await page.getByLabel("Priority", { exact: true }).selectOption("critical");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toContainText("Saved: priority, project, task");

  const context = await browser.newContext();
  try {
    const clientPage = await context.newPage();
    await signIn(clientPage, DEMO.client, DEMO_PASSWORD);
    await clientPage.goto("/tickets");
    const link = clientPage.getByRole("link", { name: new RegExp(title) });
    await expect(link).toBeVisible();
    await expect(link).toContainText(number);
  } finally {
    await context.close();
  }

  // Deleting asks first; Cancel keeps the ticket.
  await page.getByRole("button", { name: "Delete ticket…" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${number}?` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete ticket…" }).click();
  await dialog.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/admin\/tickets\?deleted=/, { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: `Ticket ${number} was deleted.` })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);
});

test("a manager cannot open the admin's ticket tools", async ({ page }) => {
  await signIn(page, DEMO.manager, DEMO_PASSWORD);
  const response = await page.goto("/admin/tickets/new");
  expect(response?.status()).toBe(404);
});
