/**
 * Tells zod, loaded or not yet, to parse without eval-compiled parsers (see instrumentation-client.ts).
 * Zod 4 reads its settings from `globalThis.__zod_globalConfig`, the object `z.config()` writes to;
 * creating it first (or adding to it) needs no import of zod.
 */
export function setZodJitless() {
  const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
  g.__zod_globalConfig = Object.assign(g.__zod_globalConfig ?? {}, { jitless: true });
}
