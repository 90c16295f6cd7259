// Where WhatsApp posts deliveries (GET: the subscription's verification). A Pages Router API route,
// not an App Router route handler like the rest: Next hands it Node's own request and response,
// where a route handler gets a web Request built from the request (an undici Request with a
// web-stream body) and its Response piped back through web streams. On this endpoint, the busiest
// of all, that conversion was most of the server's time: the same route refusing every delivery
// at its signature answered 425–530 a second as a route handler and 1,146–1,241 as this (16
// senders, one run, alternated). Next serves both the same way otherwise (security headers, request
// ids and body limits are set in ws-server.ts before Next sees the request).
import type { NextApiRequest, NextApiResponse } from "next";
import { lingerThenCut } from "@/server/http/body-limits";
import { handleDelivery, handleVerification, type WebhookAnswer } from "@/server/whatsapp/webhook";

// The signature is checked over the raw bytes, so Next must not parse (or buffer) the body; the
// handler reads it with its own bound (WEBHOOK_MAX_BODY_BYTES).
export const config = { api: { bodyParser: false, responseLimit: false } };

function send(res: NextApiResponse, answer: WebhookAnswer): void {
  const [type, body] = "json" in answer ? ["application/json", JSON.stringify(answer.json)] : ["text/plain; charset=utf-8", answer.text];
  res.writeHead(answer.status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export default async function whatsappWebhook(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  switch (req.method) {
    case "POST":
      send(res, await handleDelivery(req));
      // A body refused part-way (over the limit) may still be arriving.
      lingerThenCut(req);
      return;
    case "GET":
    case "HEAD":
      return send(res, handleVerification(new URL(req.url ?? "/", "http://localhost").searchParams));
    default:
      res.setHeader("allow", "GET, HEAD, POST");
      return send(res, { status: 405, json: { error: `${req.method ?? "This method"} is not allowed here` } });
  }
}
