// Fetching media from a real HTTP server on loopback: the fake Graph API for the documented
// behaviour, and a small hand-written server for the misbehaviours the fake does not do (no
// content-length, a stalled body, a download URL elsewhere).
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../../../testing/fake-graph";
import { downloadVerifiedMedia, MEDIA_LIMITS, MediaFetchError, type MediaLimits } from "./media";

let graph: FakeGraph;
let dir: string;
let fileCounter = 0;
const destination = () => path.join(dir, `download-${++fileCounter}.part`);
const target = () => ({ baseUrl: graph.baseUrl, accessToken: graph.token });

beforeAll(async () => {
  graph = await startFakeGraph();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-media-"));
});
afterAll(async () => {
  await graph.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<MediaFetchError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof MediaFetchError)) throw new Error(`expected a MediaFetchError, got ${String(error)}`);
  return error;
}

describe("downloadVerifiedMedia against the fake Graph API", () => {
  it("looks the media up, downloads it with the bearer token and checks it", async () => {
    const bytes = randomBytes(200_000);
    const media = graph.addMedia("image/jpeg", bytes);
    const file = destination();
    const fetched = await downloadVerifiedMedia(target(), media.id, media.sha256, file);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fetched).toEqual({ sha256Hex: createHash("sha256").update(bytes).digest("hex"), size: bytes.length, mimeType: "image/jpeg" });
    const calls = graph.requests.filter((request) => request.path.includes(media.id));
    expect(calls.map((request) => request.path)).toEqual([`/v21.0/${media.id}`, `/media-bytes/${media.id}`]);
    expect(calls.every((request) => request.authorization === `Bearer ${graph.token}`)).toBe(true);
  });

  it("accepts the checksum as hex as well as base64", async () => {
    const bytes = Buffer.from("%PDF-1.7 a small invoice");
    const media = graph.addMedia("application/pdf", bytes);
    const hex = Buffer.from(media.sha256, "base64").toString("hex");
    await expect(downloadVerifiedMedia(target(), media.id, hex, destination())).resolves.toMatchObject({ size: bytes.length });
  });

  it("refuses bytes that do not match the announced SHA-256, and leaves no file", async () => {
    const media = graph.addMedia("image/jpeg", randomBytes(1000), { corrupt: true });
    const file = destination();
    const error = await failure(downloadVerifiedMedia(target(), media.id, media.sha256, file));
    expect(error.reason).toBe("checksum");
    expect(error.message).toContain(media.sha256);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses a file larger than the limit before downloading it", async () => {
    const media = graph.addMedia("video/mp4", randomBytes(5000));
    const error = await failure(downloadVerifiedMedia(target(), media.id, media.sha256, destination(), { ...MEDIA_LIMITS, maxBytes: 4999 }));
    expect(error.reason).toBe("too_large");
    expect(graph.requests.some((request) => request.path === `/media-bytes/${media.id}`)).toBe(false);
  });

  it("says what WhatsApp answered for an unknown media id or a bad token", async () => {
    const unknown = await failure(downloadVerifiedMedia(target(), "123456789", "x", destination()));
    expect(unknown.reason).toBe("upstream");
    expect(unknown.message).toMatch(/404.*object does not exist/);

    const media = graph.addMedia("image/jpeg", randomBytes(10));
    const badToken = await failure(downloadVerifiedMedia({ ...target(), accessToken: "wrong" }, media.id, media.sha256, destination()));
    expect(badToken.message).toMatch(/401.*Invalid OAuth access token/);
  });

  it("refuses a media id that would change the path it calls", async () => {
    const before = graph.requests.length;
    const error = await failure(downloadVerifiedMedia(target(), "../../me", "x", destination()));
    expect(error.message).toMatch(/Not a WhatsApp media id/);
    expect(graph.requests).toHaveLength(before);
  });
});

describe("downloadVerifiedMedia against a misbehaving server", () => {
  const bytes = randomBytes(64 * 1024);
  const sha256 = createHash("sha256").update(bytes).digest("base64");
  let server: ReturnType<typeof createServer>;
  let origin = "";
  let bytesRequests = 0;
  /** How the current test's server answers the download (the lookup is always well-formed). */
  let answerBytes: (res: ServerResponse) => void = () => undefined;
  let downloadUrl = () => `${origin}/bytes`;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith("/v21.0/")) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ url: downloadUrl(), mime_type: "video/mp4", id: "1" }));
      } else {
        bytesRequests++;
        answerBytes(res);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    downloadUrl = () => `${origin}/bytes`;
    bytesRequests = 0;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const download = (limits: Partial<MediaLimits> = {}, file = destination()) =>
    downloadVerifiedMedia({ baseUrl: `${origin}/v21.0`, accessToken: "t" }, "1", sha256, file, { ...MEDIA_LIMITS, ...limits });

  it("counts the bytes when no length is declared, and stops at the limit", async () => {
    answerBytes = (res) => {
      res.writeHead(200, { "content-type": "video/mp4" }); // no content-length: chunked
      res.end(bytes);
    };
    await expect(download()).resolves.toMatchObject({ size: bytes.length });
    const file = destination();
    const error = await failure(download({ maxBytes: 1000 }, file));
    expect(error.reason).toBe("too_large");
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses by the declared content-length without waiting for the body", async () => {
    answerBytes = (res) => {
      res.writeHead(200, { "content-length": String(200 * 1024 * 1024) });
      res.flushHeaders(); // and no body: only the header can have refused it
    };
    const error = await failure(download({ idleTimeoutMs: 10_000 }));
    expect(error.reason).toBe("too_large");
    expect(error.message).toMatch(/209715200 bytes; the limit is 104857600/);
  });

  it("gives up on a download that stalls", async () => {
    answerBytes = (res) => {
      res.writeHead(200, { "content-length": String(bytes.length) });
      res.write(bytes.subarray(0, 1000)); // and then nothing more
    };
    const file = destination();
    const error = await failure(download({ idleTimeoutMs: 300 }, file));
    expect(error.reason).toBe("timeout");
    expect(error.message).toMatch(/no data came for 300 ms/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("gives up on a lookup that does not answer", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v21.0`;
    try {
      const error = await failure(downloadVerifiedMedia({ baseUrl: base, accessToken: "t" }, "1", sha256, destination(), { ...MEDIA_LIMITS, lookupTimeoutMs: 300 }));
      expect(error.reason).toBe("timeout");
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("does not send the token over plain http to another origin", async () => {
    downloadUrl = () => `${origin.replace("127.0.0.1", "localhost")}/bytes`;
    const error = await failure(download());
    expect(error.message).toMatch(/Refusing to send the access token/);
    expect(bytesRequests).toBe(0);
  });
});
