import { existsSync } from "node:fs";

/**
 * First-load JavaScript of a page: a cold load (new browser context, empty cache) in Chromium,
 * signed in with the bench's session cookie; the sum of the script responses' transfer sizes
 * (compressed, as sent) and of their decoded sizes, from the Resource Timing entries.
 */
export type JsSize = { path: string; scripts: number; transferKb: number; decodedKb: number };

export async function firstLoadJs(base: string, cookie: string, pagePath: string): Promise<JsSize> {
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath} (set PLAYWRIGHT_CHROMIUM_PATH)`);
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  try {
    const context = await browser.newContext();
    const url = new URL(base);
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const i = pair.indexOf("=");
        return { name: pair.slice(0, i), value: pair.slice(i + 1), domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" as const };
      }),
    );
    const page = await context.newPage();
    const response = await page.goto(`${base}${pagePath}`, { waitUntil: "networkidle" });
    if (response?.status() !== 200) throw new Error(`${pagePath} answered ${response?.status()} in Chromium`);
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => e.initiatorType === "script" || /\.js(\?|$)/.test(e.name))
        .map((e) => ({ transfer: e.transferSize, decoded: e.decodedBodySize })),
    );
    return {
      path: pagePath,
      scripts: entries.length,
      transferKb: entries.reduce((s, e) => s + e.transfer, 0) / 1024,
      decodedKb: entries.reduce((s, e) => s + e.decoded, 0) / 1024,
    };
  } finally {
    await browser.close();
  }
}
