/**
 * The creation throughput part of `npm run bench`, in a process of its own: the bench runs under
 * the react-server condition (the read functions import "server-only"), where React Email cannot
 * render. index.ts starts it after closing its database (one PGlite per process); it can also run
 * alone: `tsx scripts/bench/creation-main.ts --creations 300 [--dir .data/bench]`.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadActor } from "@/lib/auth/actor";
import { creationTable, measureCreation, type CreationResult } from "./creation";
import { openBenchDb } from "./db";

const { values: a } = parseArgs({ options: { creations: { type: "string", default: "300" }, dir: { type: "string", default: ".data/bench" } } });

async function main() {
  const total = Number(a.creations);
  if (!Number.isInteger(total) || total < 1) throw new Error(`--creations must be a whole number ≥ 1 (got ${a.creations}).`);
  const b = await openBenchDb({ dir: path.resolve(a.dir!), wipe: false });
  try {
    const [top] = await b.raw<{ id: string }>(
      `SELECT requester_id AS id FROM tickets GROUP BY requester_id ORDER BY count(*) DESC LIMIT 1`,
    );
    const client = top && (await loadActor(top.id, 0));
    if (!client) throw new Error("No bench client: generate first.");
    console.log(`\nTicket creation (createTicket as the web form calls it: number, history, search vector, two mails rendered into the outbox), ${total} creations at each concurrency:`);
    const results: CreationResult[] = [];
    for (const concurrency of [1, 10, 50]) results.push(await measureCreation(client, { concurrency, total }));
    console.log(creationTable(results));
  } finally {
    await b.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
