import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { projects, tasks, tickets } from "@/db/schema";
import { editTicket, NEEDS_ASSIGNEE } from "./admin";
import { createDesk, historyOf, insertTicket, refusal, snapshot, type Desk } from "./test-fixtures";

let desk: Desk;
beforeAll(async () => {
  desk = await createDesk();
});

async function projectWithTask(name: string) {
  const db = await getDb();
  const [project] = await db.insert(projects).values({ companyId: desk.companyId, name }).returning({ id: projects.id });
  const [task] = await db.insert(tasks).values({ projectId: project!.id, name: `${name}: first task` }).returning({ id: tasks.id });
  return { projectId: project!.id, taskId: task!.id };
}

async function links(ticketId: string) {
  const db = await getDb();
  const [row] = await db.select({ projectId: tickets.projectId, taskId: tickets.taskId }).from(tickets).where(eq(tickets.id, ticketId));
  return row!;
}

describe("an admin edit never leaves a ticket in no queue", () => {
  it.each(["in_progress", "waiting_for_customer"] as const)("refuses %s without an assignee, on the status field, and changes nothing", async (status) => {
    const t = await insertTicket({ requester: desk.client, status: "open" });
    const before = await snapshot(t.id);
    const error = await refusal(editTicket(desk.admin, { ticketId: t.id, title: "Edited with it", status }));
    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({ status: NEEDS_ASSIGNEE });
    expect(await snapshot(t.id)).toEqual(before);
  });

  it("refuses it for a closed ticket whose assignee is gone, and allows it when someone is assigned", async () => {
    const orphan = await insertTicket({ requester: desk.client, status: "closed", publicReplyBy: desk.agent });
    expect((await refusal(editTicket(desk.admin, { ticketId: orphan.id, status: "in_progress" }))).fieldErrors?.status).toBe(NEEDS_ASSIGNEE);

    const assigned = await insertTicket({ requester: desk.client, status: "closed", assignee: desk.agent, publicReplyBy: desk.agent });
    expect((await editTicket(desk.admin, { ticketId: assigned.id, status: "waiting_for_customer" })).changed).toEqual(["status"]);
  });
});

describe("escalation is not an edit", () => {
  it("refuses an edit that carries `escalated` instead of ignoring it; nothing changes", async () => {
    const t = await insertTicket({ requester: desk.client, status: "in_progress", assignee: desk.agent });
    const before = await snapshot(t.id);
    const error = await refusal(editTicket(desk.admin, { ticketId: t.id, title: "Hand it to second line", escalated: true }));
    expect(error.fieldErrors?._form).toMatch(/fields it may not set/);
    expect(await snapshot(t.id)).toEqual(before);
  });
});

describe("a ticket's task belongs to its project", () => {
  it("moving the ticket to another project drops the old project's task, with a history row", async () => {
    const a = await projectWithTask("Alpha");
    const b = await projectWithTask("Beta");
    const t = await insertTicket({ requester: desk.client });
    await editTicket(desk.admin, { ticketId: t.id, taskId: a.taskId });
    expect(await links(t.id)).toEqual(a); // the task implies its project

    const result = await editTicket(desk.admin, { ticketId: t.id, projectId: b.projectId });
    expect(result.changed.sort()).toEqual(["projectId", "taskId"]);
    expect(await links(t.id)).toEqual({ projectId: b.projectId, taskId: null });
    expect((await historyOf(t.id)).slice(-2).map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ["projectId", a.projectId, b.projectId],
      ["taskId", a.taskId, null],
    ]);

    await editTicket(desk.admin, { ticketId: t.id, projectId: a.projectId, taskId: a.taskId });
    await editTicket(desk.admin, { ticketId: t.id, projectId: "" });
    expect(await links(t.id)).toEqual({ projectId: null, taskId: null });
  });

  it("refuses a task of another project and keeps a task when the project stays", async () => {
    const a = await projectWithTask("Gamma");
    const b = await projectWithTask("Delta");
    const t = await insertTicket({ requester: desk.client });
    await editTicket(desk.admin, { ticketId: t.id, projectId: a.projectId, taskId: a.taskId });
    const before = await snapshot(t.id);
    const error = await refusal(editTicket(desk.admin, { ticketId: t.id, projectId: b.projectId, taskId: a.taskId }));
    expect(error.fieldErrors?.taskId).toMatch(/another project/);
    expect(await snapshot(t.id)).toEqual(before);

    await editTicket(desk.admin, { ticketId: t.id, projectId: a.projectId, title: "Same project, new title" });
    expect(await links(t.id)).toEqual(a);
  });
});
