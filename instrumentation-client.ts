/**
 * Runs in the browser before the app's own code, on every page. Zod 4 compiles object parsers with
 * `new Function` where it may, and finds out by calling Function("") when the first object schema
 * is built. Under the Content-Security-Policy (no 'unsafe-eval', lib/http/security-headers.ts) that
 * probe is refused and reported as a violation on every page with a form; the interpreted parser is
 * fast enough for a form, so the browser never tries. The server keeps the compiled parsers.
 *
 * Zod keeps these settings on `globalThis.__zod_globalConfig` (shared by every copy of zod; `z.config`
 * writes there), so they are set here without importing zod: `import { z } from "zod"` put the whole
 * of it (31 KB gzipped) into the script of every page, and zod's core `config` still cost 5 KB.
 * lib/zod-jitless.test.ts checks that zod reads what this sets.
 */
import { setZodJitless } from "@/lib/zod-jitless";

setZodJitless();
