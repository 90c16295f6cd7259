// Turns a WhatsApp message into what we store and show: a type we know (or "unsupported"), the
// text to show, and the few fields the dashboard needs for media, locations and contacts. The list
// previews it from its type and text, worded in the reader's language (no English stored here).
import { z } from "zod";
import type { TInboundMessage } from "./payload";

export interface NormalizedMessage {
  type: string;
  body: string;
  details: Record<string, string> | null;
}

const MEDIA_TYPES = ["image", "video", "audio", "document", "sticker"] as const;
const ZMedia = z.looseObject({
  id: z.string(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});
const ZText = z.looseObject({ text: z.looseObject({ body: z.string() }) });
const ZLocation = z.looseObject({
  location: z.looseObject({
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
});
const ZContacts = z.looseObject({
  contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string() }) })),
});
const ZButton = z.looseObject({ button: z.looseObject({ text: z.string() }) });
const ZInteractive = z.looseObject({
  interactive: z.looseObject({
    button_reply: z.looseObject({ title: z.string() }).optional(),
    list_reply: z.looseObject({ title: z.string() }).optional(),
  }),
});
const ZReaction = z.looseObject({ reaction: z.looseObject({ emoji: z.string().optional() }) });

function compact(fields: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = String(value);
  return out;
}

const unsupported: NormalizedMessage = {
  type: "unsupported",
  body: "",
  details: null,
};

export function normalizeMessage(message: TInboundMessage): NormalizedMessage {
  const { type } = message;
  if (type === "text") {
    const parsed = ZText.safeParse(message);
    if (!parsed.success) return unsupported;
    return { type, body: parsed.data.text.body, details: null };
  }
  if ((MEDIA_TYPES as readonly string[]).includes(type)) {
    const mediaType = type as (typeof MEDIA_TYPES)[number];
    const media = ZMedia.safeParse(message[mediaType]);
    if (!media.success) return unsupported;
    const { id, mime_type, sha256, caption, filename } = media.data;
    const body = caption ?? "";
    const details = compact({ mediaId: id, mimeType: mime_type, sha256, filename });
    return { type, body, details };
  }
  if (type === "location") {
    const parsed = ZLocation.safeParse(message);
    if (!parsed.success) return unsupported;
    const { latitude, longitude, name, address } = parsed.data.location;
    const body = [name, address].filter(Boolean).join(", ");
    return { type, body, details: compact({ latitude, longitude, name, address }) };
  }
  if (type === "contacts") {
    const parsed = ZContacts.safeParse(message);
    if (!parsed.success) return unsupported;
    const names = parsed.data.contacts.map((contact) => contact.name.formatted_name).join(", ");
    return { type, body: names, details: null };
  }
  if (type === "button") {
    const parsed = ZButton.safeParse(message);
    if (!parsed.success) return unsupported;
    return { type, body: parsed.data.button.text, details: null };
  }
  if (type === "interactive") {
    const parsed = ZInteractive.safeParse(message);
    const reply = parsed.success ? (parsed.data.interactive.button_reply ?? parsed.data.interactive.list_reply) : undefined;
    if (!reply) return unsupported;
    return { type, body: reply.title, details: null };
  }
  if (type === "reaction") {
    const parsed = ZReaction.safeParse(message);
    if (!parsed.success) return unsupported;
    const emoji = parsed.data.reaction.emoji ?? "";
    return { type, body: emoji, details: null };
  }
  return unsupported;
}

const ZQuoting = z.looseObject({ context: z.looseObject({ id: z.string().min(1).max(200) }) });

/** The wamid a reply quotes (`context.id`); null for other messages (a forwarded one has a context without id). */
export function quotedWamidOf(message: TInboundMessage): string | null {
  const parsed = ZQuoting.safeParse(message);
  return parsed.success ? parsed.data.context.id : null;
}
