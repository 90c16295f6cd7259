// One send to the WhatsApp Cloud API, and what its answer means for the outbox:
// - "accepted": WhatsApp took it and gave it a wamid;
// - "retry": it certainly did not go out and may succeed later (network refused, 5xx, 429,
//   throughput and pair-rate limits);
// - "rejected": it did not go out and never will as it is (outside the 24-hour window, a bad
//   number, an invalid token…), with a reason a person can act on;
// - "unknown": the request may have reached WhatsApp but no answer came back (a timeout, a reset
//   connection). The API has no idempotency key, so sending again could deliver it twice.
import { z } from "zod";
import { encodeText, said, type ServerTextKey } from "@/shared/server-text";
import type { GraphTarget } from "../whatsapp/graph-target";

/** `reason`: WhatsApp's own words, or ours as an encoded text (shared/server-text.ts) the dashboard words. */
export type SendOutcome =
  | { kind: "accepted"; wamid: string }
  | { kind: "retry"; reason: string; retryAfterMs: number | null }
  | { kind: "rejected"; reason: string }
  | { kind: "unknown"; reason: string };

// Codes WhatsApp documents as "try again later": API throttling (4, 80007, 130429), pair rate
// (131056), spam rate (131048), temporary errors (1, 2, 131000, 131016, 133004).
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 341, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);

// The provider's text is written for developers (and in English); for the codes an agent meets,
// say what to do, in the agent's language (the Server messages; the reason is stored as a text).
const READABLE_REASONS: Record<number, ServerTextKey> = {
  131047: "sendWindowClosed",
  131026: "sendNotOnWhatsApp",
  131030: "sendNotAllowedRecipient",
  131051: "sendUnsupportedType",
  190: "sendTokenInvalid",
  368: "sendNumberBlocked",
  // Templates: refused as sent, so the agent needs to pick another or fix the variables.
  132000: "sendTemplateVariables",
  132001: "sendTemplateUnknown",
  132005: "sendTemplateTooLong",
  132007: "sendTemplateFormatting",
  132012: "sendVariableFormat",
  132015: "sendTemplatePaused",
  132016: "sendTemplateDisabled",
};

const ZGraphError = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    code: z.number().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
  }),
});
const ZAccepted = z.looseObject({ messages: z.array(z.looseObject({ id: z.string().min(1) })).min(1) });

// Errors that mean the request never left this machine, so it cannot have been delivered.
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function describeGraphError(status: number, payload: unknown): { code: number | null; reason: string } {
  const parsed = ZGraphError.safeParse(payload);
  if (!parsed.success) return { code: null, reason: encodeText(said("sendHttpStatus", { status })) };
  const { code, message, error_data } = parsed.data.error;
  const readable = code !== undefined ? READABLE_REASONS[code] : undefined;
  const text = (readable && encodeText(said(readable))) || error_data?.details || message || `HTTP ${status}`;
  return { code: code ?? null, reason: code === undefined ? text : `${text} (${code})` };
}

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

export function interpretResponse(status: number, payload: unknown, retryAfter: string | null): SendOutcome {
  if (status >= 200 && status < 300) {
    const accepted = ZAccepted.safeParse(payload);
    if (accepted.success) return { kind: "accepted", wamid: accepted.data.messages[0]!.id };
    return { kind: "unknown", reason: encodeText(said("sendNoMessageId", { status })) };
  }
  const { code, reason } = describeGraphError(status, payload);
  if (status >= 500 || status === 429 || (code !== null && TRANSIENT_CODES.has(code))) {
    return { kind: "retry", reason, retryAfterMs: retryAfterMs(retryAfter) };
  }
  return { kind: "rejected", reason };
}

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

export function interpretNetworkError(error: unknown): SendOutcome {
  const code = errorCode(error);
  if (code && NOT_SENT_CODES.has(code)) {
    return { kind: "retry", reason: encodeText(said("sendUnreachable", { code })), retryAfterMs: null };
  }
  const name = error instanceof Error ? error.name : "error";
  return { kind: "unknown", reason: encodeText(said("sendNoAnswer", { code: code ?? name })) };
}

/** Posts one message (a body from ./request-body.ts) to the number's /messages endpoint. */
export async function sendMessage(target: GraphTarget, phoneNumberId: string, requestBody: object, timeoutMs: number): Promise<SendOutcome> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${target.baseUrl}/${phoneNumberId}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${target.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify(requestBody),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return interpretNetworkError(error);
  }
  return interpretResponse(response.status, parseJson(text), response.headers.get("retry-after"));
}

/** A proxy in front of the API can answer an error page; that is "no JSON", not a network error. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
