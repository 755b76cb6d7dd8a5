import type { Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, formMessage, linkFrom, readLatestMail, signIn, signOut, STEP, storyBudget, test, uniqueEmail } from "./fixtures";

/**
 * Registering, confirming, signing in and out through the real forms, with fresh addresses (only
 * two registrations a run: the register form is rate-limited per address and per IP). The demo
 * accounts are only signed in to, never changed.
 */

const PASSWORD = "a long enough password";

async function register(page: Page, fields: { name: string; email: string; password: string; confirm?: string }) {
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill(fields.name);
  await page.getByLabel("E-mail", { exact: true }).fill(fields.email);
  await page.getByLabel("Password", { exact: true }).fill(fields.password);
  await page.getByLabel("Repeat the password", { exact: true }).fill(fields.confirm ?? fields.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function trySignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a guest registers, confirms the address from the mail, signs in and signs out", async ({ page, browser }) => {
  test.setTimeout(storyBudget(3));
  const email = uniqueEmail("guest");

  await test.step("register", async () => {
    await register(page, { name: "Grace Guest", email, password: PASSWORD });
    await expect(formMessage(page)).toContainText("Check your inbox");
  }, STEP);

  await test.step("confirm the address from the mail", async () => {
    const link = linkFrom(await readLatestMail(browser, email));
    expect(link).toContain("/verify?token=");
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await expect(formMessage(page)).toContainText(`${email} is confirmed`);
  }, STEP);

  await test.step("sign in to the portal and out again", async () => {
    await signIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your portal" })).toBeVisible();

    await signOut(page);
    await page.goto("/portal");
    await expect(page).toHaveURL(/\/sign-in/);
  }, STEP);
});

test("an address that is not confirmed yet cannot sign in", async ({ page }) => {
  const email = uniqueEmail("unverified");
  await register(page, { name: "Una Verified", email, password: PASSWORD });
  await expect(formMessage(page)).toContainText("Check your inbox");

  await trySignIn(page, email, PASSWORD);
  await expect(formMessage(page)).toContainText("Confirm your e-mail address");
  await expect(page).toHaveURL(/\/sign-in/);
});

const homes = [
  { role: "client", email: DEMO.client, path: "/portal", heading: "Your portal" },
  { role: "agent", email: DEMO.agent, path: "/desk", heading: "Agent desk" },
  { role: "agent_l2", email: DEMO.agentL2, path: "/desk", heading: "Agent desk" },
  { role: "accountant", email: DEMO.accountant, path: "/accounting", heading: "Accounting" },
  { role: "manager", email: DEMO.manager, path: "/manage", heading: "Manager dashboard" },
  { role: "admin", email: DEMO.admin, path: "/admin", heading: "Administration" },
];

for (const home of homes) {
  test(`the demo ${home.role} signs in and lands on ${home.path}`, async ({ page }) => {
    await signIn(page, home.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: home.heading, exact: true })).toBeVisible();
  });
}

for (const path of ["/portal", "/admin"]) {
  test(`a signed-out visit to ${path} is sent to sign-in`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  });
}

test("the register form refuses an invalid e-mail and a short password and creates nothing", async ({ page }) => {
  const email = uniqueEmail("refused");
  await register(page, { name: "Bad Input", email: "not-an-address", password: "short" });
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveAccessibleDescription(/valid e-mail address/);
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/at least 10 characters/);

  // A valid address alone is not enough: the short password is still refused.
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/at least 10 characters/);
  await expect(page.getByLabel("E-mail", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Check your inbox")).toHaveCount(0);

  // No account exists: an unconfirmed one would answer "Confirm your e-mail address" instead.
  await trySignIn(page, email, "short");
  await expect(formMessage(page)).toContainText("Wrong e-mail address or password");
});

test("forgot-password answers an unknown address as it answers a known one", async ({ page, client }) => {
  const answers: string[] = [];
  for (const email of [uniqueEmail("nobody"), client.email]) {
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Send the reset link" }).click();
    await expect(formMessage(page)).toContainText("If an account exists for that address");
    answers.push(await formMessage(page).innerText());
  }
  expect(answers[0]).toBe(answers[1]);
});
