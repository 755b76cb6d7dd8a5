import { expect, STEP, storyBudget, test } from "./fixtures";

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
