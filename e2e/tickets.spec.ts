import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { BASE_URL, DEMO, DEMO_PASSWORD, linkFrom, readLatestMail, signIn, uniqueEmail } from "./fixtures";

/**
 * The help desk's screens, one story per test. Each test opens its own tickets under unique titles
 * and finds them by number, so the shared database and the order of tests do not matter.
 */

const TICKET_URL = /\/tickets\/(TKT-\d{8}-\d{4,})$/;

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A signed-in page in a browser context of its own (one per person in the story). */
async function as(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

/** A polite announcement (role="status") with this text is on screen. */
async function says(page: Page, text: string | RegExp) {
  await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
}

/** The value of one row of the ticket's Details list. */
function detail(page: Page, term: string) {
  return page
    .getByRole("region", { name: "Details" })
    .locator("div")
    .filter({ has: page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }) })
    .getByRole("definition");
}

async function expectStatus(page: Page, status: string) {
  await expect(detail(page, "Status")).toHaveText(status);
}

async function openTicket(page: Page, title: string, body: string, priority?: string): Promise<string> {
  await page.goto("/tickets/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Description", { exact: true }).fill(body);
  if (priority) await page.getByLabel("Priority", { exact: true }).selectOption(priority);
  await page.getByRole("button", { name: "Open ticket", exact: true }).click();
  await expect(page).toHaveURL(TICKET_URL);
  const number = page.url().match(TICKET_URL)![1]!;
  await says(page, `Your ticket ${number} has been created`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return number;
}

async function takeFromQueue(page: Page, tab: "queue" | "escalated", number: string, title: string) {
  await page.goto(`/desk?tab=${tab}&q=${number}`);
  await page.getByRole("button", { name: `Take ${number}: ${title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${number}$`));
  await says(page, "You took this ticket");
}

test("a ticket's life: client, first line, second line and manager each see and do their part", async ({ browser }) => {
  test.setTimeout(240_000);
  const client = await as(browser, DEMO.client);
  const title = unique("Mail sync fails");
  const number = await openTicket(client, title, "Since this morning my mailbox no longer syncs.", "high");
  await expectStatus(client, "Open");

  await client.goto(`/tickets?q=${number}`);
  const row = client.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Open");
  await expect(row).toContainText("High");

  // First line takes it from the queue.
  const agent = await as(browser, DEMO.agent);
  await takeFromQueue(agent, "queue", number, title);
  await expectStatus(agent, "In progress");
  await expect(detail(agent, "Assignee")).toHaveText("Arne Agent");

  // Closing without a public explanation is refused in the domain's words.
  await agent.getByRole("button", { name: "Close", exact: true }).click();
  await says(agent, "Write a public reply explaining the solution before closing");
  await expectStatus(agent, "In progress");

  // An internal note, visibly marked.
  const note = `Customer is on the legacy cluster ${Date.now().toString(36)}`;
  await agent.getByRole("radio", { name: "Internal note" }).check();
  await agent.getByLabel("Message", { exact: true }).fill(note);
  await agent.getByRole("button", { name: "Add internal note" }).click();
  await says(agent, "Internal note added.");
  await expect(agent.getByTestId("internal-note").filter({ hasText: note })).toContainText("Internal note");

  // A public reply: the ticket waits for the customer.
  const reply = "Please restart the sync from Settings, Accounts, and tell us whether it works.";
  await agent.getByRole("radio", { name: "Public reply" }).check();
  await agent.getByLabel("Message", { exact: true }).fill(reply);
  await agent.getByRole("button", { name: "Send reply" }).click();
  await says(agent, "Reply sent to the client.");
  await expectStatus(agent, "Waiting for customer");

  // The client sees the reply, never the note, and answers.
  await client.goto(`/tickets/${number}`);
  await expect(client.getByText(reply)).toBeVisible();
  await expect(client.getByText(note)).toHaveCount(0);
  await expect(client.getByText("Internal note")).toHaveCount(0);
  await expectStatus(client, "Waiting for customer");
  const answer = `Restarted, still nothing syncs (${Date.now().toString(36)}).`;
  await client.getByLabel("Your reply", { exact: true }).fill(answer);
  await client.getByLabel("Attach files").setInputFiles({ name: "sync-log.txt", mimeType: "text/plain", buffer: Buffer.from("12:00 sync failed: timeout\n") });
  await client.getByRole("button", { name: "Send reply" }).click();
  await says(client, "Your reply was sent.");
  await expectStatus(client, "In progress");
  const answered = client.getByTestId("message").filter({ hasText: answer });
  await expect(answered.getByRole("link", { name: "sync-log.txt" })).toBeVisible();

  // First line escalates; the ticket leaves their view for the second-line queue.
  await agent.reload();
  await expect(agent.getByTestId("message").filter({ hasText: answer }).getByRole("link", { name: "sync-log.txt" })).toBeVisible();
  await agent.getByRole("button", { name: "Escalate", exact: true }).click();
  await expect(agent).toHaveURL(/\/desk$/);
  await says(agent, `Ticket ${number} was escalated`);

  // Second line takes it (and sees the note) and closes it.
  const secondLine = await as(browser, DEMO.agentL2);
  await takeFromQueue(secondLine, "escalated", number, title);
  await expect(secondLine.getByTestId("internal-note").filter({ hasText: note })).toBeVisible();
  await expect(secondLine.getByRole("region", { name: "History" })).toContainText("escalated it to second line");
  await secondLine.getByRole("button", { name: "Close", exact: true }).click();
  await says(secondLine, "The ticket is closed.");
  await expectStatus(secondLine, "Closed");

  // Within the hour, the client reopens it: back to its assignee.
  await client.reload();
  await expectStatus(client, "Closed");
  await client.getByRole("button", { name: "Reopen ticket" }).click();
  await says(client, "You reopened this ticket");
  await expectStatus(client, "In progress");

  // The manager closes ANOTHER ticket as won't fix, with a required reason.
  const otherTitle = unique("Please add a dark theme");
  const other = await openTicket(client, otherTitle, "The white background hurts at night.");
  const manager = await as(browser, DEMO.manager);
  await manager.goto(`/tickets/${other}`);
  await manager.getByRole("button", { name: "Won't fix…" }).click();
  const dialog = manager.getByRole("dialog", { name: `Close ${other} as won't fix` });
  await expect(dialog.getByLabel("Reason (sent to the client)")).toBeFocused();
  await dialog.getByRole("button", { name: "Close as won't fix" }).click();
  await expect(dialog.getByLabel("Reason (sent to the client)")).toHaveAccessibleDescription(/at least 5 characters/);
  const reason = "A dark theme is not on our roadmap this year.";
  await dialog.getByLabel("Reason (sent to the client)").fill(reason);
  await dialog.getByRole("button", { name: "Close as won't fix" }).click();
  await says(manager, "closed as won't fix");
  await expectStatus(manager, "Won't fix");

  // The client reads the reason and cannot reopen or reply.
  await client.goto(`/tickets/${other}`);
  await expect(client.getByText("Closed as won't fix", { exact: true })).toBeVisible();
  await expect(client.getByText(reason)).toBeVisible();
  await expect(client.getByRole("button", { name: "Reopen ticket" })).toHaveCount(0);
  await expect(client.getByLabel("Your reply")).toHaveCount(0);

  // The manager's list finds it by status and number.
  await manager.goto(`/tickets?status=wont_fix&q=${other}`);
  await expect(manager.getByRole("row").filter({ hasText: otherTitle })).toContainText("Won't fix");

  // End of the day: de-assign all, after a confirmation that says how many.
  await manager.goto("/desk");
  await manager.getByRole("button", { name: "De-assign all…" }).click();
  const confirm = manager.getByRole("dialog", { name: "De-assign all tickets?" });
  await expect(confirm).toContainText(/\d+ tickets? in progress or waiting for a customer/);
  await confirm.getByRole("button", { name: /^De-assign \d+ tickets?$/ }).click();
  await says(manager, /returned to the queue/);
  await manager.goto(`/tickets/${number}`);
  await expectStatus(manager, "Open");
  await expect(detail(manager, "Assignee")).toHaveText("Unassigned");
});

async function registerClient(browser: Browser): Promise<{ page: Page; email: string }> {
  const email = uniqueEmail("client-b");
  const password = "a long enough password";
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill("Bea Other");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await says(page, "Check your inbox");
  await page.goto(linkFrom(await readLatestMail(browser, email)));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await says(page, "is confirmed");
  await signIn(page, email, password);
  return { page, email };
}

test("another client's ticket does not exist for a client: 404, nothing of it shown", async ({ browser }) => {
  const owner = await as(browser, DEMO.client);
  const secret = `Our VPN key leaked ${Date.now().toString(36)}`;
  const number = await openTicket(owner, unique("Private matter"), secret);

  const { page: other } = await registerClient(browser);
  const response = await other.goto(`/tickets/${number}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "Ticket not found" })).toBeVisible();
  await expect(other.getByText(secret)).toHaveCount(0);

  await other.goto(`/tickets?q=${number}`);
  await expect(other.getByText("No tickets match these filters")).toBeVisible();
});

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).exclude("nextjs-portal").analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `on ${page.url()}`).toEqual([]);
}

test("queues, lists, the new-ticket form and ticket pages have no serious accessibility violations", async ({ browser }) => {
  test.setTimeout(180_000);
  const client = await as(browser, DEMO.client);
  await client.goto("/tickets/new");
  await expectNoSeriousViolations(client);
  const title = unique("Printer offline");
  const number = await openTicket(client, title, "The office printer shows as offline.");
  await expectNoSeriousViolations(client);
  await client.goto("/tickets");
  await expectNoSeriousViolations(client);

  const agent = await as(browser, DEMO.agent);
  await agent.goto(`/desk?tab=queue`);
  await expect(agent.getByRole("heading", { level: 1, name: "Agent desk" })).toBeVisible();
  await expectNoSeriousViolations(agent);
  await takeFromQueue(agent, "queue", number, title);
  await agent.getByRole("radio", { name: "Internal note" }).check();
  await agent.getByLabel("Message", { exact: true }).fill("Checked the print server: it is up.");
  await agent.getByRole("button", { name: "Add internal note" }).click();
  await says(agent, "Internal note added.");
  await expectNoSeriousViolations(agent);

  const manager = await as(browser, DEMO.manager);
  await manager.goto(`/tickets/${number}`);
  await expect(manager.getByLabel("Reassign to")).toBeVisible();
  await expectNoSeriousViolations(manager);
  await manager.goto("/tickets");
  await expectNoSeriousViolations(manager);
});
