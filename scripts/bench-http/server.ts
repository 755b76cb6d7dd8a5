import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { needsBuild } from "../lib/build-state";
import { request } from "./http";

/**
 * Building and serving the app for the bench. `startServer` is the one place that knows how the app
 * is served: through scripts/serve.ts, the server `npm start` runs, so the bench measures what users
 * get (its own http.Server in front of Next's handler), not `next start`.
 */
export type Server = { port: number; url: string; pid: number; rssMb: () => number; stop: () => Promise<void> };

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export function buildIfNeeded(distDir: string, force: boolean): { built: boolean; seconds: number } {
  if (!force && !needsBuild(root, distDir)) return { built: false, seconds: 0 };
  const t0 = performance.now();
  console.log(`▸ next build into ${distDir} (the sources are newer than the last build)…`);
  // next build adds <distDir>/types to tsconfig.json's include (and reformats it): put it back.
  const tsconfig = readFileSync(path.join(root, "tsconfig.json"), "utf8");
  const r = spawnSync(bin("next"), ["build"], {
    stdio: ["ignore", "inherit", "inherit"],
    // Collecting page data loads lib/env.ts, which refuses a production build on PostgreSQL without
    // AUTH_SECRET; the build embeds no secret, so a throwaway one does (each server gets its own).
    env: { AUTH_SECRET: randomBytes(32).toString("base64url"), ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  return { built: true, seconds: (performance.now() - t0) / 1000 };
}

/** The command that serves a production build (scripts/serve.ts reads PORT and HOST from the environment). */
function command(): [string, string[]] {
  return [process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts")]];
}

export async function startServer(o: { port: number; distDir: string; env: Record<string, string | undefined>; log: string }): Promise<Server> {
  const [cmd, args] = command();
  const url = `http://127.0.0.1:${o.port}`;
  const out = createWriteStream(o.log, { flags: "a" });
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: o.distDir, NEXT_TELEMETRY_DISABLED: "1", AUTH_URL: url, APP_URL: url, PORT: String(o.port), HOST: "127.0.0.1" };
  for (const [k, v] of Object.entries(o.env)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child: ChildProcess = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`The server on port ${o.port} exited at start; see ${o.log}`);
    const ok = await request(`${url}/sign-in`, { timeoutMs: 5000 }).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server on port ${o.port} did not answer /sign-in within 120 s; see ${o.log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  return {
    port: o.port,
    url,
    pid,
    rssMb: () => tree(pid).reduce((sum, p) => sum + rssKb(p), 0) / 1024,
    stop: async () => {
      const pids = tree(pid).reverse();
      for (const p of pids) kill(p, "SIGTERM");
      const until = Date.now() + 10_000;
      while (!exited && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      for (const p of pids) kill(p, "SIGKILL");
      out.end();
    },
  };
}

function kill(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** The process and its descendants (a server may run workers of its own). */
function tree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited while we looked
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i]!) ?? []));
  return out;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
