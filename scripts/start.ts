/**
 * `npm start`: build when the sources are newer than the last build, migrate and seed the database
 * (printing the demo accounts or the first admin's link), then serve through scripts/serve.ts on PORT
 * (default 3000); while the demo accounts exist, on 127.0.0.1 unless HOST is set.
 */
import { spawnSync, spawn } from "node:child_process";
import path from "node:path";
import { needsBuild } from "./lib/build-state";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = process.cwd();
const distDir = process.env.NEXT_DIST_DIR || ".next";
const next = path.join(root, "node_modules", ".bin", "next");

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (needsBuild(root, distDir)) {
  console.log("▸ Building Ticketry (first start, or the sources changed)…");
  run(next, ["build"], { NODE_ENV: "production" });
}
console.log("▸ Preparing the database…");
run(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/db-setup.ts"], { NODE_ENV: "production" });
console.log("▸ Starting the server…");
// One process (node with tsx's loader), so a stop signal reaches the server itself.
const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 0)));
