import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(p));
    else max = Math.max(max, statSync(p).mtimeMs);
  }
  return max;
}

/** True when there is no build in distDir or a source file is newer than it (npm start, bench:http). */
export function needsBuild(root: string, distDir: string): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "db", "public"].filter((d) => existsSync(path.join(root, d))).map((d) => newest(path.join(root, d)));
  const files = ["package.json", "next.config.ts", "auth.ts", "auth.config.ts", "proxy.ts", "instrumentation.ts"]
    .filter((f) => existsSync(path.join(root, f)))
    .map((f) => statSync(path.join(root, f)).mtimeMs);
  return Math.max(...sources, ...files) > built;
}
