/**
 * The one source of "now" for domain rules with time windows (reopen within an hour, token expiry,
 * billing dates), so tests move time instead of sleeping.
 */
let current: () => Date = () => new Date();

export const now = () => current();

export function setClock(fn: () => Date) {
  current = fn;
}

export function resetClock() {
  current = () => new Date();
}
