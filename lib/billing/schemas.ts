import { z } from "zod";
import { cursorParam, safeDate, safeLine, safeText, searchText, uuid } from "@/lib/input";
import { isSupportedCurrency, parseMoney } from "./money";

/**
 * One schema per form: react-hook-form's zodResolver uses it in the browser and the domain function
 * parses it again on the server. All are .strict(): a key the form does not have (clientId,
 * status, number…) is refused, never trusted. Text, dates and ids are lib/input.ts's safe ones.
 */
const id = (what: string) => uuid(`Choose a valid ${what}.`);
const text = (label: string, max: number) => safeText().max(max, `${label}: use at most ${max} characters.`);
const line = (label: string, max: number) => safeLine().max(max, `${label}: use at most ${max} characters.`);
const required = (label: string, max: number) => line(label, max).min(1, `Enter ${label.toLowerCase()}.`);
const requiredText = (label: string, max: number) => text(label, max).min(1, `Enter ${label.toLowerCase()}.`);
const isoDate = (message: string) => safeDate(message);
const optionalDate = z.union([z.literal(""), isoDate("Enter a date like 2025-01-31.")]);
/** "12.50": the format is checked here; its decimals depend on the currency (checked with it). */
const moneyText = safeLine().min(1, "Enter an amount.").max(20, "That amount is too long.");

export const BILLING_PERIODS = ["monthly", "quarterly", "yearly", "one_time"] as const;
export const INVOICE_STATUSES = ["draft", "unpaid", "paid", "void"] as const;

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isSupportedCurrency, "Use a three-letter ISO currency code like EUR.");

function checkMoney(field: string, amount: string, cur: string, ctx: z.RefinementCtx) {
  if (!isSupportedCurrency(cur)) return;
  const parsed = parseMoney(amount, cur);
  if (!parsed.ok) ctx.addIssue({ code: "custom", path: [field], message: parsed.message });
}

const serviceFields = {
  name: required("A name", 120),
  type: required("A type", 60),
  billingPeriod: z.enum(BILLING_PERIODS, "Choose a billing period."),
  price: moneyText,
  currency,
  description: text("The description", 4000),
  managementNotes: text("The notes", 4000),
  active: z.boolean(),
};

export const serviceSchema = z
  .object(serviceFields)
  .strict()
  .superRefine((v, ctx) => checkMoney("price", v.price, v.currency, ctx));

export const updateServiceSchema = z
  .object({ serviceId: id("service"), ...serviceFields })
  .strict()
  .superRefine((v, ctx) => checkMoney("price", v.price, v.currency, ctx));

export const serviceIdSchema = z.object({ serviceId: id("service") }).strict();

export const placeOrderSchema = z
  .object({
    serviceId: id("service"),
    instanceName: required("An instance name", 120),
    comments: text("The comments", 2000),
  })
  .strict();

export const orderIdSchema = z.object({ orderId: id("order") }).strict();

export const activateOrderSchema = z
  .object({ orderId: id("order"), firstDueOn: isoDate("Enter the first due date, like 2025-01-31.") })
  .strict();

/** Price override: empty = the service's price. Its decimals are checked against the service currency. */
export const updateOrderSchema = z
  .object({
    orderId: id("order"),
    instanceName: required("An instance name", 120),
    priceOverride: safeLine().max(20, "That amount is too long."),
    comments: text("The comments", 2000),
    nextDueOn: optionalDate,
  })
  .strict();

const invoiceFields = {
  description: requiredText("A description", 500),
  amount: moneyText,
  currency,
  dueOn: isoDate("Enter the due date, like 2025-01-31."),
  periodStart: optionalDate,
  periodEnd: optionalDate,
};

function checkPeriod(v: { periodStart: string; periodEnd: string }, ctx: z.RefinementCtx) {
  if (v.periodEnd && !v.periodStart) ctx.addIssue({ code: "custom", path: ["periodStart"], message: "Enter where the period starts." });
  if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart) {
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "The period cannot end before it starts." });
  }
}

export const createInvoiceSchema = z
  .object({ clientEmail: z.string().trim().toLowerCase().pipe(z.email("Enter the client's e-mail address.")), ...invoiceFields, issue: z.boolean() })
  .strict()
  .superRefine((v, ctx) => {
    checkMoney("amount", v.amount, v.currency, ctx);
    checkPeriod(v, ctx);
  });

export const updateInvoiceSchema = z
  .object({ invoiceId: id("invoice"), ...invoiceFields })
  .strict()
  .superRefine((v, ctx) => {
    checkMoney("amount", v.amount, v.currency, ctx);
    checkPeriod(v, ctx);
  });

export const invoiceIdSchema = z.object({ invoiceId: id("invoice") }).strict();

export const voidInvoiceSchema = z
  .object({ invoiceId: id("invoice"), reason: requiredText("A reason", 500) })
  .strict();

export const markPaidSchema = z
  .object({ invoiceId: id("invoice"), paidOn: isoDate("Enter the payment date, like 2025-01-31."), comment: text("The comment", 500) })
  .strict();

export const markUnpaidSchema = z.object({ invoiceId: id("invoice"), comment: requiredText("A reason", 500) }).strict();

export const runBillingSchema = z.object({ date: isoDate("Enter a date like 2025-01-31.") }).strict();

/** The invoice list's filters, from a URL: invalid values are dropped, never an error page. */
export const invoiceFilterSchema = z.object({
  status: z.enum(INVOICE_STATUSES).optional().catch(undefined),
  client: searchText(254).optional().catch(undefined),
  from: isoDate("").optional().catch(undefined),
  to: isoDate("").optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  cursor: cursorParam.optional().catch(undefined),
});

/** The invoice list's cursor: the last invoice number shown. */
export const invoiceCursor = z.object({ n: safeLine().min(1).max(40) });

export type ServiceInput = z.input<typeof serviceSchema>;
export type UpdateServiceInput = z.input<typeof updateServiceSchema>;
export type PlaceOrderInput = z.input<typeof placeOrderSchema>;
export type UpdateOrderInput = z.input<typeof updateOrderSchema>;
export type CreateInvoiceInput = z.input<typeof createInvoiceSchema>;
export type UpdateInvoiceInput = z.input<typeof updateInvoiceSchema>;
export type InvoiceFilters = z.output<typeof invoiceFilterSchema>;
