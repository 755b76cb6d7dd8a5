import { expect, STEP, storyBudget, test } from "./fixtures";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { detail, expectStatus, openTicket, says, takeFromQueue, unique } from "./fixtures/tickets";

/**
 * The help desk's screens, one story per test, each with the worker slot's own users (fixtures/
 * people.ts). Each test opens its own tickets under unique titles and finds them by number, so the
 * shared database and the order of tests do not matter. De-assign all, which touches every ticket
 * of the desk, is in desk-wide/.
 */


test("a ticket's life: client, first line and second line each see and do their part", async ({ as, client, agent, agentL2 }) => {
  test.setTimeout(storyBudget(7));
  const title = unique("Mail sync fails");
  const note = unique("Customer is on the legacy cluster");
  const reply = "Please restart the sync from Settings, Accounts, and tell us whether it works.";
  const answer = unique("Restarted, still nothing syncs");
  const clientPage = await as(client);
  const agentPage = await as(agent);
  let number = "";

  await test.step("the client opens a high-priority ticket", async () => {
    number = await openTicket(clientPage, title, "Since this morning my mailbox no longer syncs.", "high");
    await expectStatus(clientPage, "Open");
    await clientPage.goto(`/tickets?q=${number}`);
    const row = clientPage.getByRole("row").filter({ hasText: title });
    await expect(row).toContainText("Open");
    await expect(row).toContainText("High");
  }, STEP);

  await test.step("first line takes it and may not close it without a public explanation", async () => {
    await takeFromQueue(agentPage, "queue", number, title);
    await expectStatus(agentPage, "In progress");
    await expect(detail(agentPage, "Assignee")).toHaveText(agent.name);

    // Closing without a public explanation is refused in the domain's words.
    await agentPage.getByRole("button", { name: "Close", exact: true }).click();
    await says(agentPage, "Write a public reply explaining the solution before closing");
    await expectStatus(agentPage, "In progress");
  }, STEP);

  await test.step("first line adds an internal note, then a public reply: the ticket waits for the customer", async () => {
    // An internal note, visibly marked.
    await agentPage.getByRole("radio", { name: "Internal note" }).check();
    await agentPage.getByLabel("Message", { exact: true }).fill(note);
    await agentPage.getByRole("button", { name: "Add internal note" }).click();
    await says(agentPage, "Internal note added.");
    await expect(agentPage.getByTestId("internal-note").filter({ hasText: note })).toContainText("Internal note");

    // A public reply: the ticket waits for the customer.
    await agentPage.getByRole("radio", { name: "Public reply" }).check();
    await agentPage.getByLabel("Message", { exact: true }).fill(reply);
    await agentPage.getByRole("button", { name: "Send reply" }).click();
    await says(agentPage, "Reply sent to the client.");
    await expectStatus(agentPage, "Waiting for customer");
  }, STEP);

  await test.step("the client sees the reply, never the note, and answers with a file", async () => {
    await clientPage.goto(`/tickets/${number}`);
    await expect(clientPage.getByText(reply)).toBeVisible();
    await expect(clientPage.getByText(note)).toHaveCount(0);
    await expect(clientPage.getByText("Internal note")).toHaveCount(0);
    await expectStatus(clientPage, "Waiting for customer");
    await clientPage.getByLabel("Your reply", { exact: true }).fill(answer);
    await clientPage.getByLabel("Attach files").setInputFiles({ name: "sync-log.txt", mimeType: "text/plain", buffer: Buffer.from("12:00 sync failed: timeout\n") });
    await clientPage.getByRole("button", { name: "Send reply" }).click();
    await says(clientPage, "Your reply was sent.");
    await expectStatus(clientPage, "In progress");
    const answered = clientPage.getByTestId("message").filter({ hasText: answer });
    await expect(answered.getByRole("link", { name: "sync-log.txt" })).toBeVisible();
  }, STEP);

  await test.step("first line escalates; the ticket leaves their view for the second-line queue", async () => {
    await agentPage.reload();
    await expect(agentPage.getByTestId("message").filter({ hasText: answer }).getByRole("link", { name: "sync-log.txt" })).toBeVisible();
    await agentPage.getByRole("button", { name: "Escalate", exact: true }).click();
    await expect(agentPage).toHaveURL(/\/desk$/);
    await says(agentPage, `Ticket ${number} was escalated`);
  }, STEP);

  await test.step("second line takes it, sees the note and closes it", async () => {
    const secondLine = await as(agentL2);
    await takeFromQueue(secondLine, "escalated", number, title);
    await expect(secondLine.getByTestId("internal-note").filter({ hasText: note })).toBeVisible();
    await expect(secondLine.getByRole("region", { name: "History" })).toContainText("escalated it to second line");
    await secondLine.getByRole("button", { name: "Close", exact: true }).click();
    await says(secondLine, "The ticket is closed.");
    await expectStatus(secondLine, "Closed");
  }, STEP);

  await test.step("within the hour, the client reopens it: back to its assignee", async () => {
    await clientPage.reload();
    await expectStatus(clientPage, "Closed");
    await clientPage.getByRole("button", { name: "Reopen ticket" }).click();
    await says(clientPage, "You reopened this ticket");
    await expectStatus(clientPage, "In progress");
    await expect(detail(clientPage, "Handled by")).toHaveText(agentL2.name);
  }, STEP);
});

test("a manager closes a ticket as won't fix with a required reason; the client reads it and cannot reopen", async ({ as, client, manager }) => {
  test.setTimeout(storyBudget(3));
  const title = unique("Please add a dark theme");
  const reason = "A dark theme is not on our roadmap this year.";
  const clientPage = await as(client);
  let number = "";

  await test.step("the client asks for something", async () => {
    number = await openTicket(clientPage, title, "The white background hurts at night.");
  }, STEP);

  await test.step("the manager closes it as won't fix, after the reason is given", async () => {
    const managerPage = await as(manager);
    await managerPage.goto(`/tickets/${number}`);
    await managerPage.getByRole("button", { name: "Won't fix…" }).click();
    const dialog = managerPage.getByRole("dialog", { name: `Close ${number} as won't fix` });
    const reasonField = dialog.getByLabel("Reason (sent to the client)");
    await expect(reasonField).toBeFocused();
    await dialog.getByRole("button", { name: "Close as won't fix" }).click();
    await expect(reasonField).toHaveAccessibleDescription(/at least 5 characters/);
    await reasonField.fill(reason);
    await dialog.getByRole("button", { name: "Close as won't fix" }).click();
    await says(managerPage, "closed as won't fix");
    await expectStatus(managerPage, "Won't fix");

    // The manager's list finds it by status and number.
    await managerPage.goto(`/tickets?status=wont_fix&q=${number}`);
    await expect(managerPage.getByRole("row").filter({ hasText: title })).toContainText("Won't fix");
  }, STEP);

  await test.step("the client reads the reason and can neither reopen nor reply", async () => {
    await clientPage.goto(`/tickets/${number}`);
    await expect(clientPage.getByText("Closed as won't fix", { exact: true })).toBeVisible();
    await expect(clientPage.getByText(reason)).toBeVisible();
    await expect(clientPage.getByRole("button", { name: "Reopen ticket" })).toHaveCount(0);
    await expect(clientPage.getByLabel("Your reply")).toHaveCount(0);
  }, STEP);
});

test("another client's ticket does not exist for a client: 404, nothing of it shown", async ({ as, client, otherClient }) => {
  const secret = unique("Our VPN key leaked");
  const number = await openTicket(await as(client), unique("Private matter"), secret);

  const other = await as(otherClient);
  const response = await other.goto(`/tickets/${number}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "Ticket not found" })).toBeVisible();
  await expect(other.getByText(secret)).toHaveCount(0);

  await other.goto(`/tickets?q=${number}`);
  await expect(other.getByText("No tickets match these filters")).toBeVisible();
});


test("queues, lists, the new-ticket form and ticket pages have no serious accessibility violations", async ({ as, client, agent, manager }) => {
  test.setTimeout(storyBudget(6));
  const title = unique("Printer offline");
  const clientPage = await as(client);
  const agentPage = await as(agent);
  const managerPage = await as(manager);
  let number = "";

  await test.step("the client's new-ticket form and the ticket it opens", async () => {
    await clientPage.goto("/tickets/new");
    await expectNoSeriousViolations(clientPage);
    number = await openTicket(clientPage, title, "The office printer shows as offline.");
    await expectNoSeriousViolations(clientPage);
  }, STEP);

  await test.step("the client's ticket list", async () => {
    await clientPage.goto("/tickets");
    await expectNoSeriousViolations(clientPage);
  }, STEP);

  await test.step("the agent's queue", async () => {
    await agentPage.goto(`/desk?tab=queue`);
    await expect(agentPage.getByRole("heading", { level: 1, name: "Agent desk" })).toBeVisible();
    await expectNoSeriousViolations(agentPage);
  }, STEP);

  await test.step("the agent's ticket with an internal note", async () => {
    await takeFromQueue(agentPage, "queue", number, title);
    await agentPage.getByRole("radio", { name: "Internal note" }).check();
    await agentPage.getByLabel("Message", { exact: true }).fill("Checked the print server: it is up.");
    await agentPage.getByRole("button", { name: "Add internal note" }).click();
    await says(agentPage, "Internal note added.");
    await expectNoSeriousViolations(agentPage);
  }, STEP);

  await test.step("the manager's ticket page", async () => {
    await managerPage.goto(`/tickets/${number}`);
    await expect(managerPage.getByLabel("Reassign to")).toBeVisible();
    await expectNoSeriousViolations(managerPage);
  }, STEP);

  await test.step("the manager's ticket list", async () => {
    await managerPage.goto("/tickets");
    await expectNoSeriousViolations(managerPage);
  }, STEP);
});
