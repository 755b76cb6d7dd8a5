/**
 * One zod schema per change-request form, used by react-hook-form in the browser and parsed again by
 * the domain function. All `.strict()`: a requester who adds `status`, `approvedById` or
 * `requesterId` is refused. Field errors carry the path ("items.1.quantity", "items.0.specifications.2.key").
 */
import { z } from "zod";
import { MAX_YEAR, MIN_YEAR, safeLine, safeText, uuid } from "@/lib/input";
import { PRIORITIES } from "@/lib/tickets/workflow";
import { CHANGE_TYPES } from "./rules";

export const LIMITS = {
  items: 50,
  quantity: 1000,
  specRows: 20,
  specKey: 100,
  specValue: 500,
  /** The specifications of one item as stored JSON, in UTF-8 bytes. */
  specBytes: 4000,
  componentType: 100,
  value: 500,
  plan: 10_000,
  reason: 2000,
  note: 1000,
  minutes: 7 * 24 * 60,
} as const;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const ticketId = uuid("This change request was not found.");
const optionalText = (max: number, message: string) => z.preprocess(blankToUndefined, safeText().max(max, message).optional());

export const ITEM_ACTIONS = ["add", "remove", "replace", "modify"] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];
export const ITEM_ACTION_LABELS: Record<ItemAction, string> = { add: "Add", remove: "Remove", replace: "Replace", modify: "Modify" };

const specRow = z
  .object({
    key: safeLine().min(1, "Name this specification.").max(LIMITS.specKey, `Use at most ${LIMITS.specKey} characters.`),
    value: safeLine().max(LIMITS.specValue, `Use at most ${LIMITS.specValue} characters.`),
  })
  .strict();

const valueField = (message: string) =>
  z.preprocess(blankToUndefined, safeLine().min(1, message).max(LIMITS.value, `Use at most ${LIMITS.value} characters.`).optional());

export const itemSchema = z
  .object({
    action: z.enum(ITEM_ACTIONS, "Choose add, remove, replace or modify."),
    componentType: safeLine()
      .min(1, "Name the component type (for example: storage, memory, network).")
      .max(LIMITS.componentType, `Use at most ${LIMITS.componentType} characters.`),
    quantity: z
      .number("Enter a quantity.")
      .int("Enter a whole number.")
      .min(1, "The quantity is at least 1.")
      .max(LIMITS.quantity, `The quantity is at most ${LIMITS.quantity}.`),
    specifications: z
      .array(specRow, "Specifications are a list of name and value rows.")
      .max(LIMITS.specRows, `Use at most ${LIMITS.specRows} specification rows.`)
      .default([]),
    currentValue: valueField("Enter the current value."),
    requestedValue: valueField("Enter the requested value."),
  })
  .strict()
  .superRefine((item, ctx) => {
    const seen = new Set<string>();
    item.specifications.forEach((row, i) => {
      const key = row.key.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["specifications", i, "key"], message: "This specification is listed twice." });
      seen.add(key);
    });
    if (Buffer.byteLength(JSON.stringify(specsToJson(item.specifications)), "utf8") > LIMITS.specBytes) {
      ctx.addIssue({ code: "custom", path: ["specifications"], message: `The specifications are too long (at most ${LIMITS.specBytes} bytes in all).` });
    }
    const changesValue = item.action === "replace" || item.action === "modify";
    if (changesValue) {
      if (!item.currentValue) ctx.addIssue({ code: "custom", path: ["currentValue"], message: "Enter the current value." });
      if (!item.requestedValue) ctx.addIssue({ code: "custom", path: ["requestedValue"], message: "Enter the requested value." });
    } else {
      const msg = "Only a replacement or a modification has a current and a requested value.";
      if (item.currentValue) ctx.addIssue({ code: "custom", path: ["currentValue"], message: msg });
      if (item.requestedValue) ctx.addIssue({ code: "custom", path: ["requestedValue"], message: msg });
    }
  });
export type ItemInput = z.output<typeof itemSchema>;

/** Key–value rows → the stored JSON object (keys unique, checked by the schema). */
export function specsToJson(rows: { key: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** A requested window's start: an ISO date-time ("2026-01-31T22:00" from a datetime-local field is UTC). */
const windowStart = z.preprocess(
  blankToUndefined,
  z.iso
    .datetime({ local: true, offset: true, message: "Enter a date and time." })
    .refine((v) => Number(v.slice(0, 4)) >= MIN_YEAR && Number(v.slice(0, 4)) <= MAX_YEAR, "Enter a date in a sane range.")
    .transform((v) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`))
    .optional(),
);

const changeFields = {
  title: safeLine().min(3, "Give the change a short title (at least 3 characters).").max(200, "Use at most 200 characters."),
  body: safeText().min(1, "Describe the change and why it is needed.").max(20_000, "Use at most 20,000 characters."),
  changeType: z.enum(CHANGE_TYPES, "Choose the kind of change."),
  priority: z.enum(PRIORITIES, "Choose a priority.").default("normal"),
  orderId: uuid("Choose the service this change is for."),
  scheduledFor: windowStart,
  estimatedMinutes: z.preprocess(
    blankToUndefined,
    z
      .number("Enter the estimated minutes.")
      .int("Enter whole minutes.")
      .min(1, "At least one minute.")
      .max(LIMITS.minutes, "At most a week (10,080 minutes).")
      .optional(),
  ),
  implementationPlan: optionalText(LIMITS.plan, "Use at most 10,000 characters."),
  backoutPlan: optionalText(LIMITS.plan, "Use at most 10,000 characters."),
  items: z
    .array(itemSchema, "Add the line items of this change.")
    .min(1, "Add at least one line item.")
    .max(LIMITS.items, `Use at most ${LIMITS.items} line items.`),
};

/** A new request: saved as a draft, or submitted for approval at once. */
export const createChangeSchema = z.object({ ...changeFields, submit: z.boolean().default(false) }).strict();
export type ChangeFields = z.output<typeof createChangeSchema>;
/** Editing a draft or a rejected request: everything is sent again (items replace the old ones). */
export const editChangeSchema = z.object({ ticketId, ...changeFields }).strict();

export const changeRefSchema = z.object({ ticketId }).strict();
export const approveChangeSchema = z
  .object({ ticketId, comment: optionalText(LIMITS.reason, `Use at most ${LIMITS.reason} characters.`) })
  .strict();
const reasonField = (ask: string) => safeText(ask).min(1, ask).max(LIMITS.reason, `Use at most ${LIMITS.reason} characters.`);
export const rejectChangeSchema = z.object({ ticketId, reason: reasonField("Say why the change is rejected.") }).strict();
export const cancelChangeSchema = approveChangeSchema;
export const assignChangeSchema = z.object({ ticketId, technicianId: uuid("Choose a technician.") }).strict();
export const completeChangeSchema = approveChangeSchema;
export const rollBackChangeSchema = z.object({ ticketId, reason: reasonField("Say why the change is rolled back.") }).strict();
export const deployChangeSchema = z
  .object({
    ticketId,
    notes: optionalText(LIMITS.plan, "Use at most 10,000 characters."),
    items: z
      .array(
        z
          .object({
            itemId: uuid("This line item was not found."),
            fulfilled: z.boolean("Say whether this item was done."),
            note: optionalText(LIMITS.note, `Use at most ${LIMITS.note} characters.`),
          })
          .strict(),
      )
      .max(LIMITS.items),
  })
  .strict();
