import { config } from "zod/v4/core";

/**
 * Runs in the browser before the app's own code, on every page. Zod 4 compiles object parsers with
 * `new Function` where it may, and finds out by calling Function("") when the first object schema
 * is built. Under the Content-Security-Policy (no 'unsafe-eval', lib/http/security-headers.ts) that
 * probe is refused and reported as a violation on every page with a form; the interpreted parser is
 * fast enough for a form, so the browser never tries. The server keeps the compiled parsers.
 *
 * Only zod's core `config` (the global settings object every zod build reads): importing `z` here
 * put the whole of zod, 31 KB gzipped, into the script of every page, forms or not.
 */
config({ jitless: true });
