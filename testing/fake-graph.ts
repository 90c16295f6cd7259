// A stand-in for Meta's Graph API: a real HTTP server on loopback that answers the two things
// Switchboard asks of it — sending a message and fetching media — in the documented shapes, and
// records every request so tests can check exactly what was sent. Replies can be scripted (an
// error, a delay) one request at a time.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fixtureTemplates, templatesPage, type FakeTemplate } from "./fake-graph-templates";

export const API_VERSION = "v21.0";

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
  receivedAt: number;
}

export interface ScriptedReply {
  status: number;
  body: unknown;
  /** Wait this long before answering (the request is recorded on arrival). */
  delayMs?: number;
  /**
   * Answer only once this settles (the request is recorded on arrival): a reply held until the test
   * has seen what it wants to see in the meantime, e.g. `until: gate.opened`, later `gate.open()`.
   * Unlike a delay, it does not depend on how fast a busy machine gets there.
   */
  until?: Promise<unknown>;
  headers?: Record<string, string>;
  /** Only for a send to this recipient (wa_id); otherwise the next send of any. */
  to?: string;
}

/** A "mark as read" request, optionally with the typing indicator (Cloud API). */
export interface ReadReceiptBody {
  messaging_product: string;
  status: "read";
  message_id: string;
  typing_indicator?: { type: string };
}

/** A media upload as the fake recorded it (its body, in `requests`, is this too). */
export interface RecordedUpload {
  messagingProduct: string;
  type: string;
  filename: string;
  size: number;
  sha256Hex: string;
}

const UPLOAD_PATH = new RegExp(`^/${API_VERSION}/\\d+/media$`);

export interface FakeMedia {
  id: string;
  mimeType: string;
  bytes: Buffer;
  /** As webhooks announce it: base64 of the SHA-256 of the bytes. */
  sha256: string;
}

export interface FakeGraph {
  /** The base URL including the version, as WHATSAPP_API_BASE_URL. */
  baseUrl: string;
  token: string;
  requests: RecordedRequest[];
  /** The business account's message templates, served paged; starts as templates-list.json. */
  templates: FakeTemplate[];
  /** Requests to the send endpoint, in arrival order (not marking read, which sends nothing). */
  sends(): RecordedRequest[];
  /** Bodies of "mark as read" requests (with or without the typing indicator), in arrival order. */
  readReceipts(): ReadReceiptBody[];
  /** Our message ids, from each send's `biz_opaque_callback_data`, in arrival order. */
  sentMessageIds(): string[];
  /** The text of each send (`text.body`), in arrival order. */
  sentTexts(): string[];
  /** Files uploaded to the media endpoint, with the media id each was given, in arrival order. */
  uploads(): (RecordedUpload & { id: string })[];
  /** Uploads are recorded on arrival but answered only once `until` settles (`reset` lets them go). */
  holdUploads(until: Promise<unknown>): void;
  /**
   * The next send requests (to `reply.to`, when given) get these replies, in order; then success.
   * Give `to` whenever other replies may be on their way, or one of those can take the scripted reply.
   */
  script(...replies: ScriptedReply[]): void;
  /** Every send answers after this delay (a slow API), until set back to 0. */
  setSendDelay(ms: number): void;
  /** Forgets scripted replies nobody took and the send delay, so one test's script cannot reach the next. */
  reset(): void;
  addMedia(mimeType: string, bytes: Buffer, options?: { corrupt?: boolean }): FakeMedia;
  stop(): Promise<void>;
}

/** A promise the test settles by hand, for `ScriptedReply.until`. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

export const newFakeWamid = () => `wamid.FAKE${randomBytes(12).toString("hex").toUpperCase()}`;

/** The body the Cloud API answers a successful send with. */
export function acceptedReply(to: string, wamid = newFakeWamid()) {
  return { messaging_product: "whatsapp", contacts: [{ input: to, wa_id: to }], messages: [{ id: wamid }] };
}

/** A Graph API error body, as the Cloud API returns it. */
export function errorReply(code: number, message: string, details?: string) {
  return {
    error: {
      message,
      type: "OAuthException",
      code,
      ...(details ? { error_data: { messaging_product: "whatsapp", details } } : {}),
      fbtrace_id: "AFakeTraceId",
    },
  };
}

function callbackData(request: RecordedRequest): string | undefined {
  const body = request.body as { biz_opaque_callback_data?: unknown } | null;
  return typeof body?.biz_opaque_callback_data === "string" ? body.biz_opaque_callback_data : undefined;
}

function textBody(request: RecordedRequest): string | undefined {
  const body = request.body as { text?: { body?: unknown } } | null;
  return typeof body?.text?.body === "string" ? body.text.body : undefined;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const token = `fake_token_${randomBytes(8).toString("hex")}`;
  const requests: RecordedRequest[] = [];
  const scripted: ScriptedReply[] = [];
  const templates = fixtureTemplates();
  const media = new Map<string, { mimeType: string; bytes: Buffer; sha256Hex: string }>();
  let sendDelayMs = 0;
  let origin = "";

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      if (req.method === "POST" && UPLOAD_PATH.test(url.pathname)) return receiveUpload(req, res, url.pathname);
      const body = await readJson(req);
      const authorization = req.headers.authorization;
      requests.push({ method: req.method ?? "", path: url.pathname, authorization, body, receivedAt: Date.now() });
      if (authorization !== `Bearer ${token}`) {
        return send(res, 401, errorReply(190, "Invalid OAuth access token - Cannot parse access token"));
      }
      const sendMatch = new RegExp(`^/${API_VERSION}/(\\d+)/messages$`).exec(url.pathname);
      if (req.method === "POST" && sendMatch && (body as { status?: unknown } | null)?.status === "read") {
        // Marking read takes no scripted reply: those are for sends.
        return send(res, 200, { success: true });
      }
      if (req.method === "POST" && sendMatch) {
        const to = (body as { to?: string } | null)?.to ?? "";
        const index = scripted.findIndex((candidate) => candidate.to === undefined || candidate.to === to);
        const reply = index === -1 ? undefined : scripted.splice(index, 1)[0];
        const delay = reply?.delayMs ?? sendDelayMs;
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        if (reply?.until) await reply.until;
        if (reply) return send(res, reply.status, reply.body, reply.headers);
        return send(res, 200, acceptedReply(to));
      }
      if (req.method === "GET" && new RegExp(`^/${API_VERSION}/\\d+/message_templates$`).test(url.pathname)) {
        return send(res, 200, templatesPage(templates, url, `${origin}${url.pathname}`));
      }
      const mediaMatch = new RegExp(`^/${API_VERSION}/(\\d+)$`).exec(url.pathname);
      const found = mediaMatch ? media.get(mediaMatch[1]!) : undefined;
      if (req.method === "GET" && mediaMatch && found) {
        return send(res, 200, {
          messaging_product: "whatsapp",
          url: `${origin}/media-bytes/${mediaMatch[1]}`,
          mime_type: found.mimeType,
          sha256: found.sha256Hex,
          file_size: found.bytes.length,
          id: mediaMatch[1],
        });
      }
      const bytesMatch = /^\/media-bytes\/(\d+)$/.exec(url.pathname);
      const bytes = bytesMatch ? media.get(bytesMatch[1]!) : undefined;
      if (req.method === "GET" && bytes) {
        res.writeHead(200, { "content-type": bytes.mimeType, "content-length": bytes.bytes.length }).end(bytes.bytes);
        return;
      }
      send(res, 404, errorReply(100, "Unsupported request - object does not exist"));
    })().catch(() => res.destroy());
  });
  // POST /{phone-number-id}/media (multipart): recorded with the file's digest instead of its bytes.
  const receiveUpload = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = await new Response(Buffer.concat(chunks), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
    const file = form.get("file");
    const bytes = file instanceof Blob ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const upload: RecordedUpload = {
      messagingProduct: String(form.get("messaging_product")),
      type: String(form.get("type")),
      filename: file instanceof File ? file.name : "",
      size: bytes.length,
      sha256Hex: createHash("sha256").update(bytes).digest("hex"),
    };
    requests.push({ method: "POST", path, authorization: req.headers.authorization, body: upload, receivedAt: Date.now() });
    await uploadHold;
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, errorReply(190, "Invalid OAuth access token - Cannot parse access token"));
    if (!file || upload.messagingProduct !== "whatsapp") return send(res, 400, errorReply(100, "Invalid parameter"));
    const id = String(910_000_000_000_000 + uploads.length);
    uploads.push({ id, ...upload });
    media.set(id, { mimeType: upload.type, bytes, sha256Hex: upload.sha256Hex });
    send(res, 200, { id });
  };
  const uploads: (RecordedUpload & { id: string })[] = [];
  let uploadHold: Promise<unknown> = Promise.resolve();
  const toMessages = () => requests.filter((request) => request.method === "POST" && request.path.endsWith("/messages"));
  // Marking read (and the typing indicator) posts to /messages too, but sends nothing.
  const isReadReceipt = (request: RecordedRequest) => (request.body as { status?: unknown } | null)?.status === "read";
  const sends = () => toMessages().filter((request) => !isReadReceipt(request));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: `${origin}/${API_VERSION}`,
    token,
    requests,
    templates,
    sends,
    readReceipts: () => toMessages().filter(isReadReceipt).map((request) => request.body as ReadReceiptBody),
    sentMessageIds: () => sends().map((request) => callbackData(request) ?? ""),
    sentTexts: () => sends().map((request) => textBody(request) ?? ""),
    uploads: () => [...uploads],
    holdUploads: (until) => {
      uploadHold = until;
    },
    script: (...replies) => scripted.push(...replies),
    setSendDelay: (ms) => {
      sendDelayMs = ms;
    },
    reset: () => {
      scripted.length = 0;
      sendDelayMs = 0;
      uploadHold = Promise.resolve();
    },
    addMedia(mimeType, bytes, options = {}) {
      const id = String(900_000_000_000_000 + media.size + Math.floor(Math.random() * 1_000_000) * 1000);
      const digest = createHash("sha256").update(bytes).digest();
      // A corrupt file is served with different bytes than the ones the webhook announced.
      const served = options.corrupt ? Buffer.concat([bytes, Buffer.from("tampered")]) : bytes;
      media.set(id, { mimeType, bytes: served, sha256Hex: createHash("sha256").update(served).digest("hex") });
      return { id, mimeType, bytes, sha256: digest.toString("base64") };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
