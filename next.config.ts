import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships a WASM build of PostgreSQL and loads its own files at run time; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Lets a second build (e2e in CI, a parallel checkout) use its own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default nextConfig;
