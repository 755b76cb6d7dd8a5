import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { BASE_URL, formMessage, linkFrom, readLatestMail, signIn, signOut, uniqueEmail } from "./fixtures";

/**
 * Sessions end on the server: a cookie copied before sign-out, or a session ended from the account
 * page, opens nothing afterwards. Each test registers its own user (the demo accounts are shared).
 */
const PASSWORD = "a long enough password";

async function registeredUser(page: Page, browser: Browser): Promise<string> {
  const email = uniqueEmail("sessions");
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill("Sam Sessions");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Repeat the password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // The first server action of a fresh server loads its code and hashes a password: allow for it.
  await expect(formMessage(page)).toContainText("Check your inbox", { timeout: 30_000 });
  await page.goto(linkFrom(await readLatestMail(browser, email)));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(formMessage(page)).toContainText(`${email} is confirmed`);
  return email;
}

async function signedInContext(browser: Browser, email: string, extraHTTPHeaders?: Record<string, string>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: BASE_URL, extraHTTPHeaders });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  return { context, page };
}

async function expectSignedOut(page: Page) {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
}

test("a session cookie copied before sign-out is refused afterwards", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = await registeredUser(page, browser);
  await signIn(page, email, PASSWORD);
  const captured = await page.context().cookies();
  expect(captured.some((c) => c.name.includes("authjs.session-token"))).toBe(true);

  await signOut(page);

  const replay = await browser.newContext({ baseURL: BASE_URL });
  try {
    await replay.addCookies(captured);
    await expectSignedOut(await replay.newPage());
  } finally {
    await replay.close();
  }
});

test("the account page lists the sessions and ends another one, or all others", async ({ page, browser }) => {
  // Registration, the mailbox and three sign-ins before the part under test.
  test.setTimeout(180_000);
  const email = await registeredUser(page, browser);
  const here = await signedInContext(browser, email);
  const laptop = await signedInContext(browser, email);
  // This one claims another address on every request: without a trusted proxy nobody believes it.
  const FORGED = "198.51.100.23";
  const phone = await signedInContext(browser, email, { "X-Forwarded-For": FORGED, "X-Real-IP": FORGED });
  try {
    await here.page.goto("/account");
    const list = here.page.getByRole("table", { name: "Active sessions" });
    const rows = list.getByTestId("session-row");
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: "This session" })).toHaveCount(1);
    // The browser by name, and the connection's own address (the e2e server is on loopback).
    await expect(rows.first()).toContainText(/Chrome on \w+/);
    await expect(rows.first()).toContainText("127.0.0.1");
    await expect(rows.filter({ hasText: "127.0.0.1" })).toHaveCount(3);
    await expect(list).not.toContainText(FORGED);

    // End one: the other browser is signed out, this one is not.
    await list.getByRole("button", { name: /^End the session on/ }).first().click();
    await expect(formMessage(here.page)).toContainText("has ended");
    await expect(rows).toHaveCount(2);
    const laptopGone = await laptop.page.goto("/account").then(() => laptop.page.url().includes("/sign-in"));
    const phoneGone = await phone.page.goto("/account").then(() => phone.page.url().includes("/sign-in"));
    expect([laptopGone, phoneGone].filter(Boolean)).toHaveLength(1);
    const survivor = laptopGone ? phone : laptop;
    await expect(survivor.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    // End all others, behind a confirmation.
    await here.page.getByRole("button", { name: "End all other sessions…" }).click();
    const dialog = here.page.getByRole("dialog", { name: "End all other sessions?" });
    await dialog.getByRole("button", { name: "End 1 other session" }).click();
    await expect(dialog).toBeHidden();
    await expect(formMessage(here.page)).toContainText("1 other session has ended.");
    await expect(rows).toHaveCount(1);
    await expect(here.page.getByText("No other session is signed in.")).toBeVisible();
    await expectSignedOut(survivor.page);

    // This session is still signed in.
    await here.page.reload();
    await expect(here.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  } finally {
    await Promise.all([here.context.close(), laptop.context.close(), phone.context.close()]);
  }
});
