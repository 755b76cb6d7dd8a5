import { readFile } from "node:fs/promises";
import { crc32, deflateSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expect, STEP, storyBudget, test } from "./fixtures";

/** A real 24×16 RGB PNG (a "screenshot"), encoded here so the test needs no fixture file. */
function screenshotPng(): Buffer {
  const width = 24;
  const height = 16;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([x * 10, y * 15, 200], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function reportPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText("Error report", { x: 20, y: 150, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

const ticketUrl = /\/tickets\/(TKT-\d{8}-\d{4,})$/;

async function openTicketWithFiles(page: Page, title: string) {
  await page.goto("/tickets/new");
  await page.getByLabel(/^title/i).fill(title);
  await page.getByLabel(/^(description|details|describe|message)/i).fill("The export button crashes; screenshot and report attached.");
  const picker = page.getByLabel("Attach files");
  await picker.setInputFiles([
    { name: "screenshot.png", mimeType: "image/png", buffer: screenshotPng() },
    { name: "report.pdf", mimeType: "application/pdf", buffer: await reportPdf() },
  ]);
  const chosen = page.getByRole("list", { name: "Chosen files" });
  await expect(chosen.getByRole("listitem")).toHaveCount(2);

  // A refused file gets its own error and is never sent.
  await picker.setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
  await expect(chosen.getByRole("listitem").filter({ hasText: "logo.svg" })).toContainText('"logo.svg" is not an accepted type');

  await page.getByRole("button", { name: "Open ticket", exact: true }).click();
  await expect(page).toHaveURL(ticketUrl);
  return page.url().match(ticketUrl)![1]!;
}

test("a client attaches a screenshot and a PDF; the agent sees both, the image inline and the PDF as a download", async ({ request, as, client, agent }) => {
  test.setTimeout(storyBudget(3));
  const title = `Export crashes ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let number = "";

  await test.step("the client opens a ticket with two files; a refused third is never sent", async () => {
    const page = await as(client);
    number = await openTicketWithFiles(page, title);
    await expect(page.getByRole("img", { name: "screenshot.png" })).toBeVisible();
    await expect(page.getByRole("link", { name: "report.pdf" })).toBeVisible();
    await expect(page.getByText("logo.svg")).toHaveCount(0);
  }, STEP);

  await test.step("the agent sees the screenshot inline and downloads the PDF", async () => {
    const agentPage = await as(agent);
    await agentPage.goto(`/tickets/${number}`);
    await expect(agentPage.getByRole("heading", { name: title })).toBeVisible();

    // The screenshot renders inline (the browser decoded it) and opens full size.
    const image = agentPage.getByRole("img", { name: "screenshot.png" });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(24);
    const fullSize = agentPage.getByRole("link").filter({ has: image });
    const href = await fullSize.getAttribute("href");
    expect(href).toMatch(/^\/api\/attachments\/[0-9a-f-]{36}\/image$/);
    const inline = await agentPage.request.get(href!);
    expect(inline.status()).toBe(200);
    expect(inline.headers()["content-type"]).toBe("image/png");
    expect(inline.headers()["content-disposition"]).toMatch(/^inline; filename="screenshot.png"/);
    expect(inline.headers()["x-content-type-options"]).toBe("nosniff");

    // The PDF downloads under its name.
    const download = agentPage.waitForEvent("download");
    await agentPage.getByRole("link", { name: "report.pdf" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("report.pdf");
    expect((await readFile((await file.path())!)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, STEP);

  await test.step("signed out, a file is refused with JSON, not served", async () => {
    // `request` carries no cookies: it is nobody.
    const res = await request.get("/api/attachments/00000000-0000-4000-8000-000000000000");
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthenticated" } });
  }, STEP);
});
