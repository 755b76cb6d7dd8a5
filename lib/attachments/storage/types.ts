import type { Conn } from "@/db";

/**
 * Where attachment bytes live. Keys are random (lib/attachments/keys.ts), never derived from a
 * file name. `transactional` drivers write through the caller's connection, so their writes commit
 * or roll back with the attachment rows; the others are called before (put) or after (delete) the
 * transaction, and a failed transaction removes what was put.
 */
export interface BlobStore {
  readonly name: string;
  readonly transactional: boolean;
  put(conn: Conn, key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when the key is unknown. */
  get(conn: Conn, key: string): Promise<Uint8Array | null>;
  /** Deletes keys; unknown keys are not an error. */
  delete(conn: Conn, keys: readonly string[]): Promise<void>;
}
