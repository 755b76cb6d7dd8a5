/**
 * Test helpers (imported by *.test.ts only): a stand-in for the Resend API on loopback that records
 * every call and fails on demand.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type ResendCall = {
  idempotencyKey: string | undefined;
  body: { to: string | string[]; subject: string; text?: string; html?: string; headers?: Record<string, string> };
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });
}

export async function startFakeResend() {
  const fake = {
    baseUrl: "",
    calls: [] as ResendCall[],
    /** How many of the next calls answer 500. */
    failNext: 0,
    reset() {
      fake.calls = [];
      fake.failNext = 0;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server = createServer(async (req, res) => {
    // A fresh connection per call: on a loaded machine the server's 5 s keep-alive timeout could close an
    // idle socket just as the client reuses it, and the call fails with "Unable to fetch data".
    res.setHeader("connection", "close");
    const body = JSON.parse(await readBody(req));
    // Answer slowly enough that concurrent senders overlap.
    await new Promise((r) => setTimeout(r, 5));
    if (fake.failNext > 0) {
      fake.failNext--;
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ name: "internal_server_error", message: "Resend is having a bad day", statusCode: 500 }));
      return;
    }
    fake.calls.push({ idempotencyKey: req.headers["idempotency-key"] as string | undefined, body });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: `re_${fake.calls.length}` }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
