import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { postgresStore } from "./postgres";
import { s3Store } from "./s3";
import type { BlobStore } from "./types";

export type { BlobStore } from "./types";

/** 256 random bits: unguessable, and nothing of the file name in it. */
export const newStorageKey = () => `att/${randomBytes(32).toString("hex")}`;

function fromEnv(): BlobStore {
  const s = env.storage;
  const driver = (s.driver ?? "postgres").toLowerCase();
  if (driver === "postgres") return postgresStore;
  if (driver !== "s3") throw new Error(`STORAGE_DRIVER must be "postgres" (default) or "s3", not "${s.driver}".`);
  const missing = (
    [
      ["S3_ENDPOINT", s.s3Endpoint],
      ["S3_BUCKET", s.s3Bucket],
      ["S3_ACCESS_KEY_ID", s.s3AccessKeyId],
      ["S3_SECRET_ACCESS_KEY", s.s3SecretAccessKey],
    ] as const
  )
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length) throw new Error(`STORAGE_DRIVER=s3 needs ${missing.join(", ")}.`);
  return s3Store({
    endpoint: s.s3Endpoint!,
    bucket: s.s3Bucket!,
    region: s.s3Region ?? "us-east-1",
    accessKeyId: s.s3AccessKeyId!,
    secretAccessKey: s.s3SecretAccessKey!,
  });
}

let current: BlobStore | null = null;

/** The configured driver (STORAGE_DRIVER), created once. */
export function getStorage(): BlobStore {
  current ??= fromEnv();
  return current;
}

/** Tests only: swap the driver (null goes back to the configured one). */
export function setStorage(store: BlobStore | null) {
  current = store;
}
