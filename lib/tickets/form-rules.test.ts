/**
 * The ticket page checks its small forms with plain functions (form-rules.ts) and the server
 * parses them with zod (schemas.ts): for every input both must say the same thing.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { checkAssignee, checkCommentBody, checkPriority, checkVisibility, checkWontFixReason } from "./form-rules";
import { assignSchema, clientCommentSchema, setPrioritySchema, staffCommentSchema, wontFixSchema } from "./schemas";

const ticketId = "0f8fad5b-d9cb-469f-a165-70867728950e";

/** zod's message for one field of a schema (null when that field is valid). */
function zodSays(schema: z.ZodType, input: Record<string, unknown>, field: string): string | null {
  const parsed = schema.safeParse({ ticketId, ...input });
  if (parsed.success) return null;
  return parsed.error.issues.find((i) => i.path[0] === field)?.message ?? null;
}

const texts = ["", " ", "\n\t ", "a", " a ", "four", "five!", "  five  ", "x".repeat(2000), "x".repeat(2001), ` ${"x".repeat(2000)} `, "x".repeat(20_000), "x".repeat(20_001), "é".repeat(20_000)];

describe("the ticket page's form rules agree with the server's zod schemas", () => {
  it("message bodies (reply, note)", () => {
    for (const body of texts) {
      expect(checkCommentBody(body), JSON.stringify(body.slice(0, 12))).toBe(zodSays(clientCommentSchema, { body }, "body"));
      expect(checkCommentBody(body)).toBe(zodSays(staffCommentSchema, { body, visibility: "public" }, "body"));
    }
  });

  it("won't-fix reasons", () => {
    for (const reason of texts) expect(checkWontFixReason(reason), JSON.stringify(reason.slice(0, 12))).toBe(zodSays(wontFixSchema, { reason }, "reason"));
  });

  it("visibility, assignee and priority choices", () => {
    for (const visibility of ["public", "internal", "", "PUBLIC", "private"]) {
      expect(checkVisibility(visibility)).toBe(zodSays(staffCommentSchema, { body: "ok", visibility }, "visibility"));
    }
    for (const assigneeId of [ticketId, "", "none", "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-969f-a165-70867728950e", "00000000-0000-0000-0000-000000000000", ticketId.toUpperCase()]) {
      expect(checkAssignee(assigneeId), assigneeId).toBe(zodSays(assignSchema, { assigneeId }, "assigneeId"));
    }
    for (const priority of ["low", "normal", "high", "critical", "", "urgent", "Low"]) {
      expect(checkPriority(priority), priority).toBe(zodSays(setPrioritySchema, { priority }, "priority"));
    }
  });
});
