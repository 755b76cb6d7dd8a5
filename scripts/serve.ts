/**
 * The production server (`npm start`, the e2e server): Next's own request handler behind our own
 * http.Server, for one reason. App code cannot see the socket, and Next fills X-Forwarded-For only
 * when the caller did not, so a forged header looks exactly like a real one. Here, before Next sees
 * the request, PEER_HEADER is overwritten with the socket's address; lib/http/client-ip.ts trusts
 * nothing else unless a proxy is configured. Otherwise this behaves like `next start`: PORT (3000),
 * graceful stop on SIGINT/SIGTERM — and, while the demo accounts exist, 127.0.0.1 unless HOST is set.
 *
 * Run after `next build` and `scripts/db-setup.ts` (npm start does both), with NODE_ENV=production.
 */
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { env } from "@/lib/env";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { listenAddress } from "@/lib/http/listen-address";

/** How long a stop waits for open requests before it gives up on them. */
const STOP_GRACE_MS = 10_000;

function stampPeer(req: IncomingMessage) {
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_HEADER] = peer;
  else delete req.headers[PEER_HEADER];
  // Nothing in Next reads rawHeaders today; keep a forged copy out of it all the same.
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i]!.toLowerCase() === PEER_HEADER) req.rawHeaders.splice(i, 2);
  }
}

async function main() {
  // Tells the app (lib/env.ts → lib/http/client-ip.ts) that PEER_HEADER is ours, not the caller's.
  process.env.TICKETRY_PEER_STAMPED = "1";
  const address = listenAddress({ host: env.host, seedDemo: env.seedDemo });
  const app = next({ dev: false, dir: process.cwd(), hostname: address.selfHost, port: env.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req, res) => {
    stampPeer(req);
    handle(req, res).catch((error: unknown) => {
      console.error(`Failed to handle request for ${req.url}`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end("Internal Server Error");
    });
  });
  server.on("error", (error) => {
    console.error("Failed to start the server:", error.message);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Stop accepting, let open requests finish (idle keep-alive sockets close at once), then let Next
    // close its own resources, as `next start` does.
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
    server.close(() => {
      app
        .close()
        .catch((error: unknown) => console.error(error))
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  server.listen(env.port, address.host, () => {
    const shown = address.host && address.host !== "0.0.0.0" && address.host !== "::" ? address.selfHost : "localhost";
    const url = `http://${shown.includes(":") ? `[${shown}]` : shown}:${env.port}`;
    console.log(`✓ Ready on ${url}${address.host === "127.0.0.1" && !env.host ? " (this machine only while the demo accounts exist; HOST=0.0.0.0 opens it)" : ""}`);
    if (address.warning) console.warn(`\n${address.warning}\n`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
