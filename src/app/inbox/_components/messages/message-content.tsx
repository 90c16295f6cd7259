// What a message shows, by type. Media comes from our own authenticated route (message-media.tsx)
// with its caption underneath; locations link to a map; unknown types say so instead of vanishing.
// Each attachment is a group named by its kind ("Photo", "Location"…), for screen readers and tests.
"use client";
import { useTranslations } from "next-intl";
import type { TMessage } from "@/shared/dto";
import { MessageTemplate } from "./message-template";
import { MediaAudio, MediaDocument, MediaImage, MediaSticker, MediaVideo } from "./message-media";

/** Each kind's emoji; its name is in messages/*.json under Message.kind.<type>. */
const mediaEmoji: Record<string, string> = { image: "📷", video: "🎥", audio: "🎤", document: "📄", sticker: "🏷️" };
const MEDIA_KINDS = ["image", "video", "audio", "document", "sticker"] as const;
const isMediaKind = (type: string): type is (typeof MEDIA_KINDS)[number] => (MEDIA_KINDS as readonly string[]).includes(type);

/** The accessible name of an attachment: its label without the leading emoji. */
const groupName = (label: string) => label.replace(/^\P{L}+/u, "");

function Attachment({ label, detail, children }: { label: string; detail?: string; children?: React.ReactNode }) {
  return (
    <div role="group" aria-label={groupName(label)} className="flex flex-col gap-1">
      <div className="flex items-center gap-2 rounded-lg bg-black/5 px-3 py-2">
        <span className="text-sm font-medium">{label}</span>
        {detail && <span className="truncate text-xs opacity-70">{detail}</span>}
      </div>
      {children}
    </div>
  );
}

function Text({ children }: { children: string }) {
  return <p dir="auto" className="text-[14.5px] leading-snug break-words whitespace-pre-wrap">{children}</p>;
}

export function MessageContent({ message }: { message: TMessage }) {
  const t = useTranslations("Message");
  const { type, body, details } = message;
  const mediaLabel = isMediaKind(type) ? `${mediaEmoji[type]} ${t(`kind.${type}`)}` : undefined;
  if (mediaLabel) {
    // A file is there to show when WhatsApp gave it a media id, or when it is one an agent sent (in
    // our store by its SHA-256 before it reaches WhatsApp). Without either only the label is left.
    if (!details?.mediaId && !details?.sha256) {
      return (
        <Attachment label={mediaLabel} detail={details?.filename ?? details?.mimeType}>
          {body && <Text>{body}</Text>}
        </Attachment>
      );
    }
    return (
      <div role="group" aria-label={groupName(mediaLabel)} className="flex flex-col gap-1.5">
        <Media message={message} />
        {body && <Text>{body}</Text>}
      </div>
    );
  }
  if (type === "location") {
    const { latitude, longitude } = details ?? {};
    const map = latitude && longitude ? `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}` : null;
    return (
      <Attachment label={`📍 ${t("kind.location")}`} detail={latitude && longitude ? `${latitude}, ${longitude}` : undefined}>
        {body && <Text>{body}</Text>}
        {map && (
          <a href={map} target="_blank" rel="noreferrer" className="text-sm font-medium text-emerald-700 underline underline-offset-2 hover:text-emerald-800">
            {t("openMap")}
          </a>
        )}
      </Attachment>
    );
  }
  if (type === "template") return <MessageTemplate message={message} />;
  if (type === "contacts") {
    return (
      <Attachment label={`👤 ${t("kind.contacts")}`}>
        <Text>{body}</Text>
      </Attachment>
    );
  }
  if (type === "reaction") {
    return <p className="text-sm italic opacity-80">{body ? t("reacted", { emoji: body }) : t("reactionRemoved")}</p>;
  }
  if (type === "unsupported") {
    return (
      <Attachment label={`⚠️ ${t("kind.unsupported")}`}>
        <p className="text-xs opacity-70">{t("unsupported")}</p>
      </Attachment>
    );
  }
  return <Text>{body}</Text>;
}

function Media({ message }: { message: TMessage }) {
  const { id, type, body, details } = message;
  switch (type) {
    case "image":
      return <MediaImage messageId={id} caption={body} />;
    case "sticker":
      return <MediaSticker messageId={id} />;
    case "audio":
      return <MediaAudio messageId={id} />;
    case "video":
      return <MediaVideo messageId={id} />;
    default:
      return <MediaDocument messageId={id} filename={details?.filename} mimeType={details?.mimeType} />;
  }
}
