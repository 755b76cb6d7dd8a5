import { describe, expect, it } from "vitest";
import { AttachmentError } from "@/lib/attachments/errors";
import { AppError, GENERIC_ERROR, throttled, type ErrorCode } from "@/lib/errors";
import { errorResponse, HTTP_STATUS, internalErrorResponse, statusOf } from "./status";

describe("the AppError → HTTP status table", () => {
  it.each<[ErrorCode, number]>([
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["invalid", 422],
    ["conflict", 409],
    ["throttled", 429],
    ["unverified", 403],
  ])("%s → %i", (code, status) => {
    expect(HTTP_STATUS[code]).toBe(status);
    expect(statusOf(new AppError(code, "x"))).toBe(status);
  });

  it("lets an error carrying its own status keep it (413, 415)", () => {
    expect(statusOf(new AttachmentError("invalid", "Too big.", 413))).toBe(413);
    expect(statusOf(new AttachmentError("invalid", "Not an image.", 415))).toBe(415);
  });
});

describe("errorResponse", () => {
  it("answers { error: { code, message } } as JSON with the table's status", async () => {
    const res = errorResponse(new AppError("not_found", "That invoice was not found."));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "That invoice was not found." } });
  });

  it("adds the field errors as `fields`", async () => {
    const res = errorResponse(new AppError("invalid", "Check the highlighted fields.", { date: "Enter a date." }));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { code: "invalid", message: "Check the highlighted fields.", fields: { date: "Enter a date." } } });
  });

  it("says when to try again after a throttle (Retry-After, whole seconds, at least 1)", () => {
    const res = errorResponse(throttled("Slow down.", 90.2));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("91");
    expect(errorResponse(throttled("Slow down.", 0)).headers.get("retry-after")).toBe("1");
    expect(errorResponse(new AppError("throttled", "Slow down.")).headers.get("retry-after")).toBeNull();
  });

  it("keeps the caller's headers", () => {
    const res = errorResponse(new AppError("forbidden", "No."), { "X-Content-Type-Options": "nosniff" });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers the unexpected with 500 and the generic text only", async () => {
    const res = internalErrorResponse();
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "internal", message: GENERIC_ERROR } });
  });
});
