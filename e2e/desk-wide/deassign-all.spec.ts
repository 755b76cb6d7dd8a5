import { expect, STEP, storyBudget, test } from "../fixtures";
import { detail, expectStatus, openTicket, says, takeFromQueue, unique } from "../fixtures/tickets";

/**
 * De-assign all returns EVERY ticket in progress or waiting for a customer to the queue, whoever
 * works it. So this runs in the "desk-wide" project (playwright.config.ts): alone, after all other
 * tests have finished, and its assertions look only at the tickets it made itself. The count in
 * the confirmation is the desk's (earlier tests leave tickets in progress), so it is only read.
 */

test("end of the day: de-assign all returns in-progress and waiting tickets to the queue, after a confirmation", async ({ as, client, agent, manager }) => {
  test.setTimeout(storyBudget(8));
  const working = unique("VPN drops hourly");
  const waiting = unique("Invoice address wrong");
  const clientPage = await as(client);
  const agentPage = await as(agent);
  const managerPage = await as(manager);
  const numbers: Record<"working" | "waiting", string> = { working: "", waiting: "" };

  await test.step("the client opens a ticket", async () => {
    numbers.working = await openTicket(clientPage, working, "The VPN disconnects every hour on the hour.");
  }, STEP);

  await test.step("the client opens another", async () => {
    numbers.waiting = await openTicket(clientPage, waiting, "Our invoices show last year's address.");
  }, STEP);

  await test.step("the agent takes one: in progress", async () => {
    await takeFromQueue(agentPage, "queue", numbers.working, working);
    await expectStatus(agentPage, "In progress");
  }, STEP);

  await test.step("the agent takes the other and asks the client: waiting for the customer", async () => {
    await takeFromQueue(agentPage, "queue", numbers.waiting, waiting);
    await agentPage.getByRole("radio", { name: "Public reply" }).check();
    await agentPage.getByLabel("Message", { exact: true }).fill("Which address should the invoices show?");
    await agentPage.getByRole("button", { name: "Send reply" }).click();
    await says(agentPage, "Reply sent to the client.");
    await expectStatus(agentPage, "Waiting for customer");
  }, STEP);

  await test.step("the manager de-assigns all, after a confirmation that says how many", async () => {
    await managerPage.goto("/desk");
    await managerPage.getByRole("button", { name: "De-assign all…" }).click();
    const confirm = managerPage.getByRole("dialog", { name: "De-assign all tickets?" });
    await expect(confirm).toContainText(/\d+ tickets? in progress or waiting for a customer/);
    await confirm.getByRole("button", { name: /^De-assign \d+ tickets?$/ }).click();
    await says(managerPage, /returned to the queue/);
  }, STEP);

  for (const [kind, number] of Object.entries(numbers)) {
    await test.step(`the ${kind} ticket is open again, unassigned, and its history says why`, async () => {
      await managerPage.goto(`/tickets/${number}`);
      await expectStatus(managerPage, "Open");
      await expect(detail(managerPage, "Assignee")).toHaveText("Unassigned");
      await expect(managerPage.getByRole("region", { name: "History" })).toContainText(`Unassigned from ${agent.name} (de-assign all).`);
    }, STEP);
  }

  await test.step("the agent is told which tickets went back", async () => {
    await agentPage.goto("/notifications");
    const note = agentPage.getByRole("listitem").filter({ hasText: `${manager.name} de-assigned all tickets` }).first();
    await expect(note).toContainText(numbers.working);
    await expect(note).toContainText(numbers.waiting);
  }, STEP);
});
