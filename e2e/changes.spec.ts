import { expect, STEP, storyBudget, test } from "./fixtures";
import { expectNoSeriousViolations } from "./fixtures/axe";

/**
 * A change request through the screens, every role in its own browser context: a manager requests
 * a change on a service (staff may on any active order) and finds no Approve button on their own
 * request → an admin approves it and assigns the agent → the agent starts, deploys (marking each
 * item) and completes it. Separation of duties on the page; the domain tests cover the server side.
 */
const CHANGE_URL = /\/changes\/(TKT-\d{8}-\d{4,})$/;

test("a change is requested, approved by someone else, assigned, deployed and completed", async ({ as, manager, admin, agent }) => {
  test.setTimeout(storyBudget(4));
  const title = `Add disks ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const managerPage = await as(manager);
  let number = "";

  await test.step("the manager requests a change with two line items", async () => {
    await managerPage.goto("/changes/new");
    await expect(managerPage.getByRole("heading", { level: 1, name: "Request a change" })).toBeVisible();
    await managerPage.getByLabel("Title").fill(title);
    await managerPage.getByLabel("Description").fill("The database needs room.");
    await managerPage.getByLabel("Component type").fill("storage");
    await managerPage.getByLabel("Quantity").fill("2");
    await managerPage.getByRole("button", { name: "Add a specification" }).click();
    await managerPage.getByLabel("Name 1").fill("model");
    await managerPage.getByLabel("Value 1").fill("Samsung 980 Pro");
    await managerPage.getByRole("button", { name: "Add a line item" }).click();
    await managerPage.getByLabel("Action").nth(1).selectOption("replace");
    await managerPage.getByLabel("Component type").nth(1).fill("network");
    await managerPage.getByLabel("Current value").nth(1).fill("1 GbE");
    await managerPage.getByLabel("Requested value").nth(1).fill("10 GbE");
    await managerPage.getByRole("button", { name: "Submit for approval" }).click();
    await expect(managerPage).toHaveURL(CHANGE_URL);
    number = CHANGE_URL.exec(managerPage.url())![1]!;
    await expect(managerPage.getByText("Pending approval", { exact: true })).toBeVisible();
    // Their own request: no decision for them.
    await expect(managerPage.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await expect(managerPage.getByRole("button", { name: "Reject" })).toHaveCount(0);
  }, STEP);

  await test.step("an admin finds it in the approvals queue, approves it and assigns the agent", async () => {
    const adminPage = await as(admin);
    await adminPage.goto("/changes/approvals");
    await adminPage.getByRole("link", { name: number }).click();
    await adminPage.getByLabel("Comment (optional)").fill("Go ahead tonight.");
    await adminPage.getByRole("button", { name: "Approve" }).click();
    await expect(adminPage.getByText("Approved", { exact: true }).first()).toBeVisible();
    await adminPage.getByLabel("Technician", { exact: true }).selectOption({ label: agent.name });
    await adminPage.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(adminPage.getByRole("definition").filter({ hasText: agent.name })).toBeVisible();
  }, STEP);

  await test.step("the agent starts, deploys marking each item, and completes it", async () => {
    const agentPage = await as(agent);
    await agentPage.goto("/changes?scope=assigned");
    await agentPage.getByRole("link", { name: number }).click();
    await agentPage.getByRole("button", { name: "Start work" }).click();
    await expect(agentPage.getByRole("button", { name: "Mark deployed" })).toBeVisible();
    await agentPage.getByLabel(/^Fulfilled: Replace/).uncheck();
    await agentPage.getByLabel(/^Note on Replace/).fill("NIC on back-order");
    await agentPage.getByLabel("Deployment notes").fill("Disks in, volume extended.");
    await agentPage.getByRole("button", { name: "Mark deployed" }).click();
    await expect(agentPage.getByRole("button", { name: "Mark completed" })).toBeVisible();
    await expect(agentPage.getByText("Not fulfilled: NIC on back-order")).toBeVisible();
    await agentPage.getByRole("button", { name: "Mark completed" }).click();
    await expect(agentPage.getByText("Completed", { exact: true }).first()).toBeVisible();
  }, STEP);
});


test("a rejected change is edited and resubmitted under the same number, approved, deployed and rolled back", async ({ as, manager, admin, agent }) => {
  test.setTimeout(storyBudget(6));
  const title = `Swap the NIC ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const managerPage = await as(manager);
  const adminPage = await as(admin);
  let number = "";

  await test.step("the manager submits a change; the form has no serious accessibility violation", async () => {
    await managerPage.goto("/changes/new");
    await expectNoSeriousViolations(managerPage);
    await managerPage.getByLabel("Title").fill(title);
    await managerPage.getByLabel("Description").fill("The uplink needs more bandwidth.");
    await managerPage.getByLabel("Action").selectOption("replace");
    await managerPage.getByLabel("Component type").fill("network");
    await managerPage.getByLabel("Current value").fill("1 GbE");
    await managerPage.getByLabel("Requested value").fill("10 GbE");
    await managerPage.getByRole("button", { name: "Submit for approval" }).click();
    await expect(managerPage).toHaveURL(CHANGE_URL);
    number = CHANGE_URL.exec(managerPage.url())![1]!;
    await expect(managerPage.getByText("Pending approval", { exact: true })).toBeVisible();
  }, STEP);

  await test.step("an admin rejects it with a reason; the queue and the request page pass axe", async () => {
    await adminPage.goto("/changes/approvals");
    await expectNoSeriousViolations(adminPage);
    await adminPage.getByRole("link", { name: number }).click();
    await expectNoSeriousViolations(adminPage);
    await adminPage.getByLabel("Reason for rejecting").fill("No maintenance window given.");
    await adminPage.getByRole("button", { name: "Reject", exact: true }).click();
    await expect(adminPage.getByText("Rejected", { exact: true }).first()).toBeVisible();
    await expect(adminPage.getByRole("button", { name: "Approve" })).toHaveCount(0);
  }, STEP);

  await test.step("the manager reads the reason, edits the request and resubmits it under the same number", async () => {
    await managerPage.goto(`/changes/${number}`);
    await expect(managerPage.getByText("No maintenance window given.").first()).toBeVisible();
    await managerPage.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(managerPage).toHaveURL(new RegExp(`/changes/${number}/edit$`));
    await expectNoSeriousViolations(managerPage);
    await managerPage.getByLabel("Description").fill("The uplink needs more bandwidth. Window: Sunday 02:00, 30 minutes.");
    await managerPage.getByRole("button", { name: "Save changes" }).click();
    await expect(managerPage).toHaveURL(new RegExp(`/changes/${number}$`));
    await managerPage.getByRole("button", { name: "Resubmit for approval" }).click();
    await expect(managerPage.getByText("Pending approval", { exact: true })).toBeVisible();
    // The rejection stays in the history.
    await expect(managerPage.getByText("No maintenance window given.").first()).toBeVisible();
  }, STEP);

  await test.step("the admin approves it and assigns the agent", async () => {
    await adminPage.goto(`/changes/${number}`);
    await adminPage.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(adminPage.getByText("Approved", { exact: true }).first()).toBeVisible();
    await adminPage.getByLabel("Technician", { exact: true }).selectOption({ label: agent.name });
    await adminPage.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(adminPage.getByRole("definition").filter({ hasText: agent.name })).toBeVisible();
  }, STEP);

  await test.step("the agent deploys it, then rolls it back with a reason", async () => {
    const agentPage = await as(agent);
    await agentPage.goto("/changes?scope=assigned");
    await expectNoSeriousViolations(agentPage);
    await agentPage.getByRole("link", { name: number }).click();
    await agentPage.getByRole("button", { name: "Start work" }).click();
    await expect(agentPage.getByRole("button", { name: "Mark deployed" })).toBeVisible();
    await agentPage.getByLabel("Deployment notes").fill("New NIC in.");
    await agentPage.getByRole("button", { name: "Mark deployed" }).click();
    await expect(agentPage.getByRole("button", { name: "Roll back" })).toBeVisible();
    await agentPage.getByLabel("Reason for rolling back").fill("Link flaps under load.");
    await agentPage.getByRole("button", { name: "Roll back" }).click();
    await expect(agentPage.getByText("Rolled back", { exact: true }).first()).toBeVisible();
    await expect(agentPage.getByRole("button", { name: "Mark completed" })).toHaveCount(0);
  }, STEP);
});
