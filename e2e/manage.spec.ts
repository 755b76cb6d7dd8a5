import { expect, formMessage, linkFrom, readLatestMail, signIn, STEP, storyBudget, test, uniqueEmail } from "./fixtures";

const PASSWORD = "a long enough password";

test("a manager invites an agent, who sets a password from the mail and signs in to the desk", async ({ as, browser, manager }) => {
  test.setTimeout(storyBudget(3));
  const email = uniqueEmail("agent");
  let link = "";

  await test.step("the manager invites a second-line agent", async () => {
    const page = await as(manager);
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
  }, STEP);

  await test.step("the invitation mail has a set-password link", async () => {
    link = linkFrom(await readLatestMail(browser, email, { subject: /invited/i }));
    expect(link).toContain("/reset-password?token=");
  }, STEP);

  await test.step("the invited agent sets a password and signs in to the desk", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(link);
      await page.getByLabel("New password", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Repeat the password", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Set password" }).click();
      await expect(formMessage(page)).toContainText("Your password is set");

      await signIn(page, email, PASSWORD);
      await expect(page).toHaveURL(/\/desk$/);
      await expect(page.getByRole("heading", { level: 1, name: "Agent desk" })).toBeVisible();
    } finally {
      await context.close();
    }
  }, STEP);
});

test("inviting an address that already has an account is refused on the field", async ({ as, manager, client }) => {
  const page = await as(manager);
  await page.goto("/manage/agents");
  const invite = page.getByRole("form", { name: "Invite agent" });
  await invite.getByLabel("Name", { exact: true }).fill("Copy Cat");
  await invite.getByLabel("E-mail", { exact: true }).fill(client.email);
  await invite.getByRole("button", { name: "Invite agent" }).click();
  await expect(invite.getByLabel("E-mail", { exact: true })).toHaveAccessibleDescription(/already exists/);
  await expect(page.getByRole("row").filter({ hasText: client.email })).toHaveCount(0);
});

test("the manager sees the statistics: per-agent table and the opened vs closed chart with its data table", async ({ as, manager }) => {
  const page = await as(manager);
  await page.goto("/manage");
  await expect(page.getByRole("heading", { level: 1, name: "Manager dashboard" })).toBeVisible();
  await page.getByRole("link", { name: /Statistics/ }).last().click();
  await expect(page).toHaveURL(/\/manage\/stats$/);
  await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();

  const agents = page.getByRole("table", { name: "Tickets per agent" });
  for (const header of ["Open", "Closed", "Reopened", "Reopened ÷ closed"]) {
    await expect(agents.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  // The demo agents are always there (seeded, never changed by a test).
  await expect(agents.getByRole("rowheader", { name: /Arne Agent/ })).toBeVisible();
  await expect(agents.getByRole("rowheader", { name: /Lena Second-Line/ })).toBeVisible();

  const chart = page.getByRole("img", { name: /Tickets opened and closed per day/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("path")).toHaveCount(2);

  await page.getByText("Show the numbers as a table").click();
  const data = page.getByRole("table", { name: "Tickets opened and closed per day" });
  await expect(data.getByRole("row")).toHaveCount(31); // header + 30 days
  // The legend's totals are the table's sums (one render: both come from the same page load).
  const opened = (await data.locator("tbody tr td:nth-of-type(1)").allInnerTexts()).reduce((s, v) => s + Number(v.replace(/,/g, "")), 0);
  await expect(page.getByRole("list", { name: "Legend" })).toContainText(`Opened (${opened.toLocaleString("en")} in 30 days)`);
});

test("an admin opens a ticket for a client, edits it, the client sees it, then the admin deletes it", async ({ as, admin, client }) => {
  test.setTimeout(storyBudget(4));
  const title = `Phoned in ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const page = await as(admin);
  let number = "";

  await test.step("the admin opens a ticket for the client", async () => {
    await page.goto("/admin/tickets");
    await page.getByRole("link", { name: "New ticket for a client" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New ticket for a client" })).toBeVisible();

    await page.getByLabel("Find a client by name or e-mail").fill(client.email);
    const ticketFor = page.getByLabel("Ticket for", { exact: true });
    await expect(page.getByText("1 matching client", { exact: true })).toBeVisible();
    await expect(ticketFor.locator("option", { hasText: client.email })).toHaveCount(1);
    await ticketFor.selectOption({ label: `${client.name} <${client.email}>` });
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Description", { exact: true }).fill("The client called: the VPN drops every hour.");
    await page.getByLabel("Priority", { exact: true }).selectOption("high");
    await page.getByRole("button", { name: "Create ticket" }).click();

    await expect(page).toHaveURL(/\/admin\/tickets\/TKT-\d{8}-\d{4,}\/edit/);
    await expect(page.getByRole("status").filter({ hasText: `was created for ${client.name}` })).toBeVisible();
    number = page.url().match(/TKT-\d{8}-\d{4,}/)![0];
  }, STEP);

  await test.step("the admin raises its priority and files it under a project's task", async () => {
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
  }, STEP);

  await test.step("the client finds it in their list", async () => {
    const clientPage = await as(client);
    await clientPage.goto(`/tickets?q=${number}`);
    const link = clientPage.getByRole("link", { name: new RegExp(title) });
    await expect(link).toBeVisible();
    await expect(link).toContainText(number);
  }, STEP);

  await test.step("deleting asks first; Cancel keeps the ticket, confirming deletes it", async () => {
    await page.getByRole("button", { name: "Delete ticket…" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete ${number}?` });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: "Delete ticket…" }).click();
    await dialog.getByRole("button", { name: "Delete for good" }).click();
    await expect(page).toHaveURL(/\/admin\/tickets\?deleted=/);
    await expect(page.getByRole("status").filter({ hasText: `Ticket ${number} was deleted.` })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);
  }, STEP);
});

test("a manager cannot open the admin's ticket tools", async ({ as, manager }) => {
  const page = await as(manager);
  const response = await page.goto("/admin/tickets/new");
  expect(response?.status()).toBe(404);
});
