// What the simulated WhatsApp answers, in the Cloud API's shapes
// (../shared/fixtures/whatsapp/send-response.json and send-error.json): the check of a send
// request's body, and the success and error bodies. Kept apart from the HTTP server so the rules
// read on their own.
import { randomBytes } from "node:crypto";
import { z } from "zod";

export interface GraphError {
  status: number;
  body: {
    error: {
      message: string;
      type: string;
      code: number;
      error_subcode?: number;
      error_data?: { messaging_product: "whatsapp"; details: string };
      fbtrace_id: string;
    };
  };
}

const traceId = () => `A${randomBytes(11).toString("base64url")}`;

/** 401: the bearer token is missing or not the simulator's. */
export function invalidTokenError(): GraphError {
  return {
    status: 401,
    body: { error: { message: "Invalid OAuth access token - Cannot parse access token", type: "OAuthException", code: 190, fbtrace_id: traceId() } },
  };
}

/** 400 with code 100: a parameter is missing or wrong; `details` says which and why. */
export function invalidParameterError(details: string): GraphError {
  return {
    status: 400,
    body: {
      error: {
        message: "(#100) Invalid parameter",
        type: "OAuthException",
        code: 100,
        error_data: { messaging_product: "whatsapp", details },
        fbtrace_id: traceId(),
      },
    },
  };
}

/** 400: a path or method the simulator (like the Graph API) has no operation for. */
export function unsupportedRequestError(method: string, path: string): GraphError {
  return {
    status: 400,
    body: {
      error: {
        message: `Unsupported ${method.toLowerCase()} request. Object with ID '${path}' does not exist or does not support this operation (the simulated WhatsApp answers sends, media uploads and templates only).`,
        type: "GraphMethodException",
        code: 100,
        error_subcode: 33,
        fbtrace_id: traceId(),
      },
    },
  };
}

/** The longest text body the Cloud API accepts. */
const MAX_TEXT_BODY = 4096;

// The subset of the send API the outbox uses: a text message to one person. Loose, as the real API
// ignores fields it does not need.
const ZSendText = z.looseObject({
  messaging_product: z.literal("whatsapp", { error: 'must be "whatsapp"' }),
  recipient_type: z.literal("individual", { error: 'must be "individual"' }).optional(),
  to: z
    .string({ error: "is required" })
    .regex(/^\+?[\d\s\-()]+$/, "must be a phone number")
    .refine((to) => /^\d{6,15}$/.test(to.replace(/\D/g, "")), "must have 6 to 15 digits"),
  type: z.literal("text", { error: 'must be "text" here (the simulated WhatsApp takes text, media, templates and reactions)' }),
  text: z.looseObject({
    preview_url: z.boolean({ error: "must be a boolean" }).optional(),
    body: z
      .string({ error: "is required" })
      .min(1, "must not be empty")
      .max(MAX_TEXT_BODY, `must be at most ${MAX_TEXT_BODY} characters`),
  }, { error: "is required" }),
  biz_opaque_callback_data: z.string({ error: "must be a string" }).max(512, "must be at most 512 characters").optional(),
});

export interface TextSend {
  /** As given in the request. */
  to: string;
  /** The recipient's WhatsApp id: the digits of `to`. */
  waId: string;
  body: string;
  bizOpaqueCallbackData: string | undefined;
}

/** The send request's parts, or the Graph error to answer with. */
export function parseTextSend(rawBody: string): TextSend | GraphError {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return invalidParameterError("The request body is not valid JSON");
  }
  const parsed = ZSendText.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "body";
    return invalidParameterError(`Param ${field} ${issue?.message ?? "is invalid"}`);
  }
  const send = parsed.data;
  return { to: send.to, waId: send.to.replace(/\D/g, ""), body: send.text.body, bizOpaqueCallbackData: send.biz_opaque_callback_data };
}

const ZReadReceipt = z.object({ messaging_product: z.literal("whatsapp"), status: z.literal("read"), message_id: z.string().min(1) });

/** Whether the body marks a message read (the typing indicator travels on the same request). */
export function isReadReceipt(rawBody: string): boolean {
  try {
    return ZReadReceipt.safeParse(JSON.parse(rawBody)).success;
  } catch {
    return false;
  }
}

/** 200: the message was accepted; WhatsApp's id for it is `wamid`. */
export function acceptedSend(send: TextSend, wamid: string) {
  return { messaging_product: "whatsapp", contacts: [{ input: send.to, wa_id: send.waId }], messages: [{ id: wamid }] };
}
