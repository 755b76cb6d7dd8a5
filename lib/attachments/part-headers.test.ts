import { describe, expect, it } from "vitest";
import { boundaryOf, partTypeScanner } from "./part-headers";

const boundary = "----b0undary";
const body = Buffer.from(
  [
    `--${boundary}`,
    'Content-Disposition: form-data; name="files"; filename="a.png"',
    "Content-Type: image/svg+xml; x",
    "",
    "<svg>\r\nContent-Type: text/html\r\n\r\n(inside the file: not a header)",
    `--${boundary}`,
    'Content-Disposition: form-data; name="files"; filename="b.txt"',
    "content-type:text/plain",
    "",
    "hello",
    `--${boundary}--`,
    "",
  ].join("\r\n"),
);

describe("partTypeScanner", () => {
  it("reads the boundary from the request's Content-Type", () => {
    expect(boundaryOf(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
    expect(boundaryOf(`multipart/form-data; boundary="quoted b"`)).toBe("quoted b");
    expect(boundaryOf("multipart/form-data")).toBeNull();
  });

  it("finds each part's raw Content-Type, however the body is cut into chunks", () => {
    for (let size = 1; size <= body.length; size++) {
      const scan = partTypeScanner(boundary);
      const found: string[] = [];
      for (let i = 0; i < body.length; i += size) found.push(...scan(body.subarray(i, i + size)));
      expect(found, `chunks of ${size}`).toEqual(["image/svg+xml; x", "text/plain"]);
    }
  });
});
