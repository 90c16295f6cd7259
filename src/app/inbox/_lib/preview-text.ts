// How the list (and a notification) shows a message in one line: its own words, or for a photo,
// a place or a reaction what it is, in the reader's language ("📷 Foto: a caixa chegou amassada").
// The server stores only the type and the words (Conversation.lastPreviewType / lastPreview).
import type { Translator } from "@/i18n/translator";

const ICONS: Record<string, string> = { image: "📷", video: "🎥", audio: "🎤", document: "📄" };

export function previewText(type: string, body: string, t: Translator<"Preview">): string {
  switch (type) {
    case "image":
    case "video":
    case "audio":
    case "document": {
      const label = `${ICONS[type]} ${t(type === "image" ? "photo" : type)}`;
      return body ? t("captioned", { label, caption: body }) : label;
    }
    case "sticker":
      return t("sticker");
    case "location":
      return `📍 ${body || t("location")}`;
    case "contacts":
      return `👤 ${body}`;
    case "reaction":
      return body ? t("reacted", { emoji: body }) : t("reactionRemoved");
    case "unsupported":
      return t("unsupported");
    default:
      return body;
  }
}
