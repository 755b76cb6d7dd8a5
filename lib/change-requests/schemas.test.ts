import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { LIMITS, createChangeSchema } from "./schemas";

const ORDER = "3f1c2a0e-1111-4a2b-8c3d-1234567890ab";
const item = (over: Record<string, unknown> = {}) => ({ action: "add", componentType: "storage", quantity: 1, ...over });
const request = (items: unknown, over: Record<string, unknown> = {}) => ({
  title: "Add disks",
  body: "More room",
  changeType: "component_addition",
  orderId: ORDER,
  items,
  ...over,
});

/** The field errors of a refused input (and that it was refused at all). */
function errorsOf(input: unknown): Record<string, string> {
  try {
    parseInput(createChangeSchema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fieldErrors ?? { _thrown: (error as AppError).message };
  }
  throw new Error("the input was accepted");
}

describe("line items", () => {
  it("accepts a valid request and stores specifications rows as given", () => {
    const data = parseInput(createChangeSchema, request([item({ specifications: [{ key: "model", value: "980 Pro" }] })]));
    expect(data.items[0]!.specifications).toEqual([{ key: "model", value: "980 Pro" }]);
    expect(data.submit).toBe(false);
    expect(data.priority).toBe("normal");
  });

  it.each([
    [0, "The quantity is at least 1."],
    [-3, "The quantity is at least 1."],
    [1.5, "Enter a whole number."],
    [LIMITS.quantity + 1, `The quantity is at most ${LIMITS.quantity}.`],
    ["2", "Enter a quantity."],
  ])("quantity %s is refused: %s", (quantity, message) => {
    expect(errorsOf(request([item({ quantity })]))).toEqual({ "items.0.quantity": message });
  });

  it("needs between 1 and the maximum of items", () => {
    expect(errorsOf(request([]))).toEqual({ items: "Add at least one line item." });
    expect(errorsOf(request(Array.from({ length: LIMITS.items + 1 }, () => item())))).toEqual({ items: `Use at most ${LIMITS.items} line items.` });
  });

  it("replace and modify need a current and a requested value; add and remove have none", () => {
    expect(errorsOf(request([item({ action: "replace" })]))).toEqual({
      "items.0.currentValue": "Enter the current value.",
      "items.0.requestedValue": "Enter the requested value.",
    });
    expect(errorsOf(request([item({ action: "modify", currentValue: "4 GB", requestedValue: "" })]))).toEqual({
      "items.0.requestedValue": "Enter the requested value.",
    });
    expect(Object.keys(errorsOf(request([item({ action: "add", requestedValue: "10 GbE" })])))).toEqual(["items.0.requestedValue"]);
    expect(parseInput(createChangeSchema, request([item({ action: "modify", currentValue: "4 GB", requestedValue: "8 GB" })])).items[0]).toMatchObject({
      currentValue: "4 GB",
      requestedValue: "8 GB",
    });
  });

  it("an unknown item action or a value too long is a field error", () => {
    expect(errorsOf(request([item({ action: "upgrade" })]))).toEqual({ "items.0.action": "Choose add, remove, replace or modify." });
    const long = "x".repeat(LIMITS.value + 1);
    expect(errorsOf(request([item({ action: "replace", currentValue: long, requestedValue: "y" })]))).toEqual({
      "items.0.currentValue": `Use at most ${LIMITS.value} characters.`,
    });
  });
});

describe("specifications", () => {
  const spec = (specifications: unknown) => request([item({ specifications })]);

  it.each([
    ["an object instead of rows", { model: "980 Pro" }, "items.0.specifications"],
    ["a string", "model=980", "items.0.specifications"],
    ["a row with an extra key", [{ key: "a", value: "b", admin: true }], "_form"],
    ["a number as value", [{ key: "a", value: 5 }], "items.0.specifications.0.value"],
    ["an empty name", [{ key: " ", value: "b" }], "items.0.specifications.0.key"],
    ["a control character", [{ key: "a", value: "b\u0000c" }], "items.0.specifications.0.value"],
    ["a line break in a value", [{ key: "a", value: "b\nc" }], "items.0.specifications.0.value"],
  ])("malformed: %s → a field error", (_label, specifications, field) => {
    expect(Object.keys(errorsOf(spec(specifications)))).toEqual([field]);
  });

  it("refuses a name listed twice (case-insensitive)", () => {
    expect(errorsOf(spec([{ key: "Model", value: "a" }, { key: "model", value: "b" }]))).toEqual({
      "items.0.specifications.1.key": "This specification is listed twice.",
    });
  });

  it("limits rows, name and value lengths, and the stored JSON's size", () => {
    const rows = (n: number, value = "v") => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value }));
    expect(errorsOf(spec(rows(LIMITS.specRows + 1)))).toEqual({ "items.0.specifications": `Use at most ${LIMITS.specRows} specification rows.` });
    expect(Object.keys(errorsOf(spec([{ key: "k".repeat(LIMITS.specKey + 1), value: "v" }])))).toEqual(["items.0.specifications.0.key"]);
    expect(Object.keys(errorsOf(spec([{ key: "k", value: "v".repeat(LIMITS.specValue + 1) }])))).toEqual(["items.0.specifications.0.value"]);
    // 20 rows of 400 characters each are within the row limits but exceed the stored size.
    expect(errorsOf(spec(rows(LIMITS.specRows, "v".repeat(400))))).toEqual({
      "items.0.specifications": `The specifications are too long (at most ${LIMITS.specBytes} bytes in all).`,
    });
    expect(() => parseInput(createChangeSchema, spec(rows(LIMITS.specRows, "v".repeat(100))))).not.toThrow();
  });
});

describe("the request", () => {
  it("refuses keys nobody may send, and a bad window", () => {
    expect(errorsOf(request([item()], { status: "approved" }))).toEqual({ _form: "The form sent fields it may not set." });
    expect(Object.keys(errorsOf(request([item()], { scheduledFor: "tomorrow" })))).toEqual(["scheduledFor"]);
    expect(Object.keys(errorsOf(request([item()], { estimatedMinutes: 0 })))).toEqual(["estimatedMinutes"]);
    expect(Object.keys(errorsOf(request([item()], { changeType: "upgrade" })))).toEqual(["changeType"]);
  });

  it("reads a datetime-local window as UTC", () => {
    expect(parseInput(createChangeSchema, request([item()], { scheduledFor: "2026-01-31T22:00" })).scheduledFor).toEqual(new Date("2026-01-31T22:00:00Z"));
    expect(parseInput(createChangeSchema, request([item()], { scheduledFor: "" })).scheduledFor).toBeUndefined();
  });
});
