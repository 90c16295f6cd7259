// The built-in simulated WhatsApp for demo mode (DESIGN.md, "Demo mode"): a real HTTP server on
// loopback that answers `POST /{version}/{phone_number_id}/messages` like the Cloud API, and then
// plays the customer's phone, posting signed `sent`, `delivered` and `read` status webhooks for the
// new wamid to the app's webhook URL. Replies travel the real paths both ways — worker → HTTP →
// here → HTTP → webhook route — so demo mode exercises what production runs.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { logger } from "../logger";
import { acceptedSend, invalidParameterError, invalidTokenError, isReadReceipt, parseTextSend, unsupportedRequestError, type GraphError, type TextSend } from "./graph-replies";
import { MEDIA_UPLOAD_PATH, parseMediaSend, receiveMediaUpload } from "./graph-media";
import { parseTemplateSend, simulatedTemplatesPage, TEMPLATES_PATH } from "./simulated-templates";
import { parseReactionSend } from "./simulated-reactions";
import { newWamid, postSignedWebhook, statusDelivery, unixSeconds, type StatusReport } from "./webhook-payloads";

export interface SimulatedWhatsApp {
  /** The Graph API base including the version, as graphTarget() hands it to the worker. */
  baseUrl: string;
  accessToken: string;
  stop(): Promise<void>;
}

export const SIMULATED_API_VERSION = "v21.0";

/** How long after the send the customer's phone reports each status: a moment apart, in order. */
export const DEFAULT_STATUS_DELAYS_MS = { sent: 500, delivered: 1_500, read: 3_000 } as const;

export interface SimulatedWhatsAppOptions {
  /** Where status webhooks go: the app's own /api/webhooks/whatsapp. */
  webhookUrl: string;
  /** Signs them, as Meta signs with the app secret. */
  appSecret: string;
  /** Tests shorten these. */
  statusDelaysMs?: { sent: number; delivered: number; read: number };
}

// A send body is one short text; anything near this is not a send.
const MAX_REQUEST_BYTES = 64 * 1024;
const SEND_PATH = new RegExp(`^/${SIMULATED_API_VERSION}/(\\d+)/messages$`);
const CONVERSATION_WINDOW_SECONDS = 24 * 60 * 60;

class RequestTooLargeError extends Error {}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new RequestTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function answer(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

const answerError = (res: ServerResponse, error: GraphError) => answer(res, error.status, error.body);
const isGraphError = (value: TextSend | GraphError): value is GraphError => "status" in value;

export async function startSimulatedWhatsApp(options: SimulatedWhatsAppOptions): Promise<SimulatedWhatsApp> {
  const accessToken = `demo_${randomBytes(24).toString("hex")}`;
  const delays = options.statusDelaysMs ?? DEFAULT_STATUS_DELAYS_MS;
  const timers = new Set<NodeJS.Timeout>();
  // Aborts status webhooks still in flight when the simulator stops.
  const stopping = new AbortController();
  // WhatsApp reports one billing conversation per customer for 24 hours; the demo keeps it simple.
  const conversations = new Map<string, { id: string; expiresAt: string }>();
  // Media ids this simulator gave out: a send may name only those, as on the Cloud API.
  const uploadedMedia = new Set<string>();

  const conversationFor = (waId: string) => {
    const now = Math.floor(Date.now() / 1000);
    const current = conversations.get(waId);
    if (current && Number(current.expiresAt) > now) return current;
    const created = { id: randomBytes(16).toString("hex"), expiresAt: String(now + CONVERSATION_WINDOW_SECONDS) };
    conversations.set(waId, created);
    return created;
  };

  const postStatus = async (phoneNumberId: string, report: StatusReport) => {
    try {
      const response = await postSignedWebhook(options.webhookUrl, options.appSecret, statusDelivery(phoneNumberId, [report]), {
        signal: stopping.signal,
      });
      if (!response.ok) {
        logger.warn("simulated WhatsApp: status webhook refused", { status: report.status, httpStatus: response.status, body: await response.text() });
      }
    } catch (error) {
      if (!stopping.signal.aborted) logger.warn("simulated WhatsApp: status webhook failed", { status: report.status, error: String(error) });
    }
  };

  // Each status on its own timer from the send; our webhook copes if they arrive out of order.
  const scheduleStatuses = (phoneNumberId: string, send: TextSend, wamid: string) => {
    const conversation = conversationFor(send.waId);
    const base = { wamid, recipientId: send.waId, bizOpaqueCallbackData: send.bizOpaqueCallbackData };
    const reports: Array<[number, StatusReport]> = [
      [delays.sent, { ...base, status: "sent", conversation, pricing: true }],
      [delays.delivered, { ...base, status: "delivered", pricing: true }],
      [delays.read, { ...base, status: "read" }],
    ];
    for (const [delay, report] of reports) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void postStatus(phoneNumberId, { ...report, timestamp: unixSeconds() });
      }, delay);
      // A pending "read" must not keep a finished process (a test, a worker) alive.
      timer.unref();
      timers.add(timer);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://simulator").pathname;
    // Like the Graph API, the token is checked before anything else is looked at.
    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      req.resume();
      return answerError(res, invalidTokenError());
    }
    if (method === "POST" && MEDIA_UPLOAD_PATH.test(path)) {
      const uploaded = await receiveMediaUpload(req, uploadedMedia);
      return answer(res, uploaded.status, uploaded.body);
    }
    if (method === "GET" && TEMPLATES_PATH.test(path)) return answer(res, 200, simulatedTemplatesPage());
    const sendTo = SEND_PATH.exec(path);
    if (method !== "POST" || !sendTo) {
      req.resume();
      return answerError(res, unsupportedRequestError(method, path));
    }
    let raw: string;
    try {
      raw = await readText(req);
    } catch (error) {
      if (!(error instanceof RequestTooLargeError)) throw error;
      return answerError(res, invalidParameterError(`The request body is larger than ${MAX_REQUEST_BYTES} bytes`));
    }
    // Marking a message read (with or without the typing indicator) is answered, not delivered.
    if (isReadReceipt(raw)) return answer(res, 200, { success: true });
    const send: TextSend | GraphError = parseMediaSend(raw, uploadedMedia) ?? parseTemplateSend(raw) ?? parseReactionSend(raw) ?? parseTextSend(raw);
    if (isGraphError(send)) return answerError(res, send);
    const wamid = newWamid("SIM");
    answer(res, 200, acceptedSend(send, wamid));
    scheduleStatuses(sendTo[1]!, send, wamid);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error("simulated WhatsApp: request failed", { error: String(error) });
      if (!res.headersSent) answer(res, 500, { error: { message: "An unexpected error has occurred.", type: "OAuthException", code: 2 } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  // Whoever runs the simulator keeps the process alive; the listening socket alone must not.
  server.unref();
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/${SIMULATED_API_VERSION}`,
    accessToken,
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      stopping.abort();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
