import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { resetClock, setClock } from "@/lib/clock";
import { createUser } from "@/lib/test/factories";
import { editTicket } from "./admin";
import { addComment } from "./comments";
import { createTicket } from "./create";
import { listTickets } from "./list";
import { takeTicket } from "./transitions";
import { createDesk, type Desk } from "./test-fixtures";

let desk: Desk;
let other: Actor;
const numbers: Record<string, string> = {};
const ids: Record<string, string> = {};

afterAll(() => resetClock());
beforeAll(async () => {
  let tick = Date.parse("2025-04-01T08:00:00.000Z");
  setClock(() => new Date((tick += 1000))); // one day, distinct times
  desk = await createDesk();
  other = await createUser("client", { name: "Olga Other" });
  const make = async (key: string, who: Actor, title: string, body: string) => {
    const t = await createTicket(who, { title, body });
    numbers[key] = t.number;
    ids[key] = t.id;
  };
  await make("title", desk.client, "Printer jams on page two", "Paper gets stuck.");
  await make("body", desk.client, "Office hardware problem", "The printer in room 4 is making noises.");
  await make("thread", desk.client, "Something odd in room 7", "No idea what is happening.");
  await make("rare", desk.client, "Zeppelin booking page crashes", "Error 500 when booking.");
  await make("others", other, "Printer for Olga", "Olga's printer is also broken.");
  for (let i = 0; i < 4; i++) await make(`filler${i}`, desk.client, `Password reset number ${i}`, "Cannot sign in.");
  await takeTicket(desk.agent, { ticketId: ids.thread! });
  await addComment(desk.agent, { ticketId: ids.thread!, body: "That sounds like the printer fan.", visibility: "public" });
  await addComment(desk.agent, { ticketId: ids.thread!, body: "Internal: quasar firmware bug", visibility: "internal" });
});

const numbersOf = (page: { items: { number: string }[] }) => page.items.map((t) => t.number);

describe("full-text search", () => {
  it("finds a rare word in one ticket only", async () => {
    expect(numbersOf(await listTickets(desk.client, { scope: "mine", q: "zeppelin" }))).toEqual([numbers.rare]);
    expect(numbersOf(await listTickets(desk.client, { scope: "mine", q: "zeppelins" }))).toEqual([numbers.rare]); // english stemming
  });

  it("ranks a common word: title before body before a public reply, and only the client's own", async () => {
    const page = await listTickets(desk.client, { scope: "mine", q: "printer" });
    expect(page.sort).toBe("relevance");
    expect(numbersOf(page)).toEqual([numbers.title, numbers.body, numbers.thread]);
    const all = await listTickets(desk.manager, { scope: "all", q: "printer" });
    expect(numbersOf(all)).toHaveLength(4);
    expect(numbersOf(all)).toContain(numbers.others);
  });

  it("pages through relevance results with the cursor", async () => {
    const first = await listTickets(desk.manager, { scope: "all", q: "printer", limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await listTickets(desk.manager, { scope: "all", q: "printer", limit: 3, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const seen = [...numbersOf(first), ...numbersOf(second)];
    expect(new Set(seen).size).toBe(4);
  });

  it("looks a ticket up by its number, forgiving case and padding", async () => {
    const n = numbers.rare!;
    expect(numbersOf(await listTickets(desk.client, { scope: "mine", q: n }))).toEqual([n]);
    expect(numbersOf(await listTickets(desk.client, { scope: "mine", q: n.toLowerCase() }))).toEqual([n]);
    const unpadded = n.replace(/-0+(\d+)$/, "-$1");
    expect(numbersOf(await listTickets(desk.client, { scope: "mine", q: unpadded }))).toEqual([n]);
    expect(numbersOf(await listTickets(other, { scope: "mine", q: n }))).toEqual([]);
    const day = n.slice(0, 12);
    expect((await listTickets(desk.client, { scope: "mine", q: day, limit: 100 })).items).toHaveLength(8);
  });

  it("never finds a ticket by words of an internal note, but does by its public replies", async () => {
    expect(numbersOf(await listTickets(desk.client, { scope: "mine", q: "quasar" }))).toEqual([]);
    expect(numbersOf(await listTickets(desk.agent, { scope: "assigned", q: "quasar" }))).toEqual([]);
    expect(numbersOf(await listTickets(desk.client, { scope: "mine", q: "fan" }))).toEqual([numbers.thread]);
  });

  it("follows an admin's edit of the title", async () => {
    await editTicket(desk.admin, { ticketId: ids.filler0!, title: "Kaleidoscope licence renewal" });
    expect(numbersOf(await listTickets(desk.client, { scope: "mine", q: "kaleidoscope" }))).toEqual([numbers.filler0]);
    expect(numbersOf(await listTickets(desk.client, { scope: "mine", q: "\"password reset number 0\"" }))).toEqual([]);
  });

  it("a query of stop words only finds nothing rather than failing", async () => {
    expect((await listTickets(desk.client, { scope: "mine", q: "the and of" })).items).toEqual([]);
  });
});
