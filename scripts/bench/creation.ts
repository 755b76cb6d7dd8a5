import type { Actor } from "@/lib/auth/actor";
import { createTicket } from "@/lib/tickets/create";
import { percentile } from "./measure";

export type CreationResult = { concurrency: number; created: number; perSecond: number; p50: number; p95: number };

/**
 * Ticket creation throughput: `total` creations by the real createTicket (number, history, search
 * vector, notifications rendered into the outbox), `concurrency` at a time. Ticket numbers come
 * from one per-day counter row, so this shows how long each creation holds it. It writes tickets
 * (and their mails) into the bench database, checks that the numbers it got are unique and
 * consecutive, and returns creations per second with the latency of one creation.
 */
export async function measureCreation(client: Actor, o: { concurrency: number; total: number }): Promise<CreationResult> {
  const input = (i: number) => ({
    title: `Bench creation ${i}: the printer on floor 3 prints blank pages`,
    body: "Since this morning every page comes out blank. We restarted it twice. Could someone have a look?\n\nThanks",
    priority: "normal" as const,
  });
  for (let i = 0; i < 3; i++) await createTicket(client, input(-i)); // warm-up (templates, statements)
  const latencies: number[] = [];
  const numbers: string[] = [];
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < o.total) {
      const i = next++;
      const t = performance.now();
      const created = await createTicket(client, input(i));
      latencies.push(performance.now() - t);
      numbers.push(created.number);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  checkConsecutive(numbers);
  latencies.sort((a, b) => a - b);
  return { concurrency: o.concurrency, created: o.total, perSecond: o.total / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

/** Numbers of one day (the run may cross midnight UTC: then per day) must be distinct and without gaps. */
function checkConsecutive(numbers: string[]) {
  const byDay = new Map<string, number[]>();
  for (const n of numbers) {
    const [, day, seq] = n.split("-");
    byDay.set(day!, [...(byDay.get(day!) ?? []), Number(seq)]);
  }
  for (const [day, seqs] of byDay) {
    seqs.sort((a, b) => a - b);
    if (new Set(seqs).size !== seqs.length) throw new Error(`Duplicate ticket numbers on ${day}.`);
    if (seqs.at(-1)! - seqs[0]! !== seqs.length - 1) throw new Error(`A gap in the ticket numbers of ${day}.`);
  }
}

export function creationTable(results: CreationResult[]): string {
  const base = results.find((r) => r.concurrency === 1);
  const lines = ["| concurrent | created | creations/s | × one at a time | p50 ms | p95 ms |", "|---:|---:|---:|---:|---:|---:|"];
  for (const r of results) {
    const ratio = base ? (r.perSecond / base.perSecond).toFixed(1) : "–";
    lines.push(`| ${r.concurrency} | ${r.created} | ${r.perSecond.toFixed(0)} | ${ratio} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
  }
  return lines.join("\n");
}
