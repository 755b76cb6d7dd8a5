import { AwsClient } from "aws4fetch";
import type { BlobStore } from "./types";

export type S3Options = {
  /** e.g. https://s3.eu-central-1.amazonaws.com, https://<account>.r2.cloudflarestorage.com, http://minio:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/**
 * An S3-compatible driver (AWS S3, Cloudflare R2, MinIO...), path-style URLs, SigV4-signed with
 * aws4fetch. Objects are private: every read goes through the app's permission check.
 */
export function s3Store(options: S3Options): BlobStore {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    service: "s3",
    region: options.region,
    retries: 2,
  });
  const base = `${options.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(options.bucket)}`;
  const url = (key: string) => `${base}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const failed = async (what: string, res: Response) => {
    await res.body?.cancel();
    return new Error(`S3 ${what} failed with HTTP ${res.status}`);
  };

  return {
    name: "s3",
    transactional: false,
    async put(_conn, key, bytes, contentType) {
      const res = await client.fetch(url(key), {
        method: "PUT",
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: { "content-type": contentType, "content-length": String(bytes.byteLength) },
      });
      if (!res.ok) throw await failed("PUT", res);
      await res.body?.cancel();
    },
    async get(_conn, key) {
      const res = await client.fetch(url(key), { method: "GET" });
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok) throw await failed("GET", res);
      return new Uint8Array(await res.arrayBuffer());
    },
    async delete(_conn, keys) {
      for (const key of keys) {
        const res = await client.fetch(url(key), { method: "DELETE" });
        if (!res.ok && res.status !== 404) throw await failed("DELETE", res);
        await res.body?.cancel();
      }
    },
  };
}
