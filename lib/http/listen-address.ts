import { isIP } from "node:net";

export type ListenAddress = {
  /** What server.listen() gets; undefined is Node's default, every interface (IPv6 and IPv4). */
  host: string | undefined;
  /** Where the server reaches itself (Next fetches the target of a server action's redirect from it). */
  selfHost: string;
  /** Printed loudly at start, when the demo admin's known password is reachable from other machines. */
  warning: string | null;
};

const LOOPBACK = new Set(["localhost", "::1"]);
const isLoopback = (host: string) => LOOPBACK.has(host.toLowerCase()) || (isIP(host) === 4 && host.startsWith("127."));

/**
 * Where `npm start` listens. The demo accounts have a published password (admin@example.com among
 * them), so while they are seeded the server stays on 127.0.0.1 unless HOST says otherwise, and an
 * explicit public HOST gets a loud warning. Without demo accounts: every interface, as `next start`
 * (containers need it).
 */
export function listenAddress({ host, seedDemo }: { host: string | undefined; seedDemo: boolean }): ListenAddress {
  if (!host) {
    return seedDemo ? { host: "127.0.0.1", selfHost: "127.0.0.1", warning: null } : { host: undefined, selfHost: "localhost", warning: null };
  }
  const selfHost = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  const warning =
    seedDemo && !isLoopback(host)
      ? [
          "!".repeat(78),
          `!! WARNING: listening on ${host} WITH THE DEMO ACCOUNTS.`,
          "!! Anyone who can reach this address can sign in as admin@example.com with the",
          "!! published password and read and change everything.",
          "!! For a real deployment set SEED_DEMO=0 (and ADMIN_EMAIL for the first administrator),",
          "!! or unset HOST to keep the demo on 127.0.0.1.",
          "!".repeat(78),
        ].join("\n")
      : null;
  return { host, selfHost, warning };
}
