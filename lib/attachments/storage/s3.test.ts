import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conn } from "@/db";
import { newStorageKey } from ".";
import { FAKE_S3, startFakeS3 } from "./fake-s3";
import { s3Store } from "./s3";

const conn = null as unknown as Conn; // the S3 driver never touches the database
let s3: Awaited<ReturnType<typeof startFakeS3>>;

beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(() => s3.close());

describe("S3-compatible storage driver", () => {
  it("puts, gets and deletes an object with signed requests", async () => {
    const store = s3Store({ endpoint: s3.endpoint, ...FAKE_S3 });
    const key = newStorageKey();
    const bytes = new Uint8Array([137, 80, 78, 71, 0, 255]);
    await store.put(conn, key, bytes, "image/png");
    expect(s3.objects.get(key)?.type).toBe("image/png");
    expect(s3.log.at(-1)).toBe(`PUT /${FAKE_S3.bucket}/${key}`);
    expect(await store.get(conn, key)).toEqual(bytes);
    await store.delete(conn, [key]);
    expect(s3.objects.has(key)).toBe(false);
    expect(await store.get(conn, key)).toBeNull();
    await store.delete(conn, [key]); // deleting twice is fine
  });

  it("reports a refused request (wrong secret) instead of pretending it stored the file", async () => {
    const store = s3Store({ endpoint: s3.endpoint, ...FAKE_S3, secretAccessKey: "wrong" });
    await expect(store.put(conn, newStorageKey(), new Uint8Array([1]), "application/pdf")).rejects.toThrow(/S3 PUT failed with HTTP 403/);
    expect([...s3.objects.keys()]).toEqual([]);
  });

  it("makes random 256-bit keys with nothing of the file name in them", () => {
    const keys = new Set(Array.from({ length: 1000 }, newStorageKey));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^att\/[0-9a-f]{64}$/);
  });
});
