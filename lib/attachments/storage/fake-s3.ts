/**
 * Tests only: a tiny HTTP server that imitates S3's PUT/GET/DELETE of objects and checks the SigV4
 * signature of every request (recomputed with the same secret), like a real bucket would.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { AwsV4Signer } from "aws4fetch";

export const FAKE_S3 = { bucket: "tickets", region: "eu-test-1", accessKeyId: "AKIDTEST", secretAccessKey: "s3cr3t-for-tests" };

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function validSignature(req: IncomingMessage, url: string, body: Buffer): Promise<boolean> {
  const auth = req.headers.authorization ?? "";
  const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(";") ?? [];
  const headers = new Headers();
  for (const name of signed) if (name !== "host") headers.set(name, String(req.headers[name] ?? ""));
  const signer = new AwsV4Signer({
    method: req.method,
    url,
    headers,
    body: body.length ? new Uint8Array(body) : undefined,
    service: "s3",
    region: FAKE_S3.region,
    accessKeyId: FAKE_S3.accessKeyId,
    secretAccessKey: FAKE_S3.secretAccessKey,
    datetime: String(req.headers["x-amz-date"]),
  });
  return (await signer.authHeader()) === auth;
}

export async function startFakeS3() {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const log: string[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = `http://${req.headers.host}${req.url}`;
    log.push(`${req.method} ${req.url}`);
    if (!(await validSignature(req, url, body))) {
      res.writeHead(403, { "content-type": "application/xml" }).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      return;
    }
    const prefix = `/${FAKE_S3.bucket}/`;
    if (!req.url?.startsWith(prefix)) return void res.writeHead(404).end("<Error><Code>NoSuchBucket</Code></Error>");
    const key = decodeURIComponent(req.url.slice(prefix.length));
    if (req.method === "PUT") {
      objects.set(key, { body, type: String(req.headers["content-type"] ?? "") });
      return void res.writeHead(200, { etag: '"x"' }).end();
    }
    if (req.method === "GET") {
      const object = objects.get(key);
      if (!object) return void res.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
      return void res.writeHead(200, { "content-type": object.type }).end(object.body);
    }
    if (req.method === "DELETE") {
      objects.delete(key);
      return void res.writeHead(204).end();
    }
    res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
