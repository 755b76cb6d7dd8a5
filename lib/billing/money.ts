/**
 * Money is integer minor units everywhere (cents for EUR, yen for JPY). Text typed by a person
 * ("12.50") becomes minor units with string arithmetic only, never through a float.
 */
export const MAX_MINOR = 1_000_000_000;

const digitsCache = new Map<string, number>();
const supported = new Set(Intl.supportedValuesOf("currency"));

export function isSupportedCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && supported.has(code);
}

/** How many minor digits a currency has (2 for EUR, 0 for JPY, 3 for BHD). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export const MONEY_PATTERN = /^\d+(?:\.\d*)?$/;

export type ParsedMoney = { ok: true; minor: number } | { ok: false; message: string };

/** "12.50" → 1250 (EUR). Accepts digits with an optional "." and at most the currency's decimals. */
export function parseMoney(text: string, currency: string): ParsedMoney {
  const value = text.trim().replace(/[\s_']/g, "");
  if (value === "") return { ok: false, message: "Enter an amount." };
  if (!MONEY_PATTERN.test(value)) return { ok: false, message: "Enter an amount like 12.50 (digits and a dot)." };
  const digits = currencyDigits(currency);
  const [whole = "0", fraction = ""] = value.split(".");
  if (fraction.length > digits) {
    return { ok: false, message: digits === 0 ? `${currency} has no decimals.` : `Use at most ${digits} decimals for ${currency}.` };
  }
  const minorText = (whole + fraction.padEnd(digits, "0")).replace(/^0+(?=\d)/, "");
  if (minorText.length > 12 || Number(minorText) > MAX_MINOR) return { ok: false, message: "That amount is too large." };
  return { ok: true, minor: Number(minorText) };
}

/** 1250 → "12.50" (EUR): the text an input shows for editing. */
export function minorToDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`Not an integer amount: ${minor}`);
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** 1250, "EUR" → "€12.50". Intl formats the exact decimal string, so no float is involved. */
export function formatMoney(minor: number, currency: string): string {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { style: "currency", currency });
    formatters.set(currency, f);
  }
  return f.format(minorToDecimal(minor, currency) as unknown as number);
}
