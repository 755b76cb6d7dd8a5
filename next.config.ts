import type { NextConfig } from "next";
import { CONFIG_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships a WASM build of PostgreSQL and loads its own files at run time; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Lets a second build (e2e in CI, a parallel checkout) use its own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
  },
  // Fixed at build time: X-Frame-Options, nosniff, Permissions-Policy, Referrer-Policy. The
  // per-request CSP and HSTS (which depends on APP_URL at run time) come from proxy.ts.
  async headers() {
    return CONFIG_HEADERS;
  },
};

export default nextConfig;
