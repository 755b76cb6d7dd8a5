import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { postgresStore } from "./postgres";
import { s3Store } from "./s3";
import type { BlobStore } from "./types";

export type { BlobStore } from "./types";

/** 256 random bits: unguessable, and nothing of the file name in it. */
export const newStorageKey = () => `att/${randomBytes(32).toString("hex")}`;

/** STORAGE_DRIVER and, for s3, its S3_* settings (lib/env.ts refuses an s3 driver without them at boot). */
function fromEnv(): BlobStore {
  const s = env.storage;
  if (s.driver === "postgres") return postgresStore;
  return s3Store({
    endpoint: s.s3Endpoint!,
    bucket: s.s3Bucket!,
    region: s.s3Region,
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
