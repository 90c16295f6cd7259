// What a message shows, by type. No media bytes are served yet, so media is a labelled placeholder
// with its caption; locations link to a map; unknown types say so instead of vanishing.
import type { TMessage } from "@/shared/dto";

const mediaLabels: Record<string, string> = {
  image: "📷 Photo",
  video: "🎥 Video",
  audio: "🎤 Audio",
  document: "📄 Document",
  sticker: "🏷️ Sticker",
};

function Attachment({ label, detail, children }: { label: string; detail?: string; children?: React.ReactNode }) {
  return (
    <div role="group" aria-label={label.replace(/^\P{L}+/u, "")} className="flex flex-col gap-1">
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
  const { type, body, details } = message;
  const mediaLabel = mediaLabels[type];
  if (mediaLabel) {
    return (
      <Attachment label={mediaLabel} detail={details?.filename ?? details?.mimeType}>
        {body && <Text>{body}</Text>}
      </Attachment>
    );
  }
  if (type === "location") {
    const { latitude, longitude } = details ?? {};
    const map = latitude && longitude ? `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}` : null;
    return (
      <Attachment label="📍 Location" detail={latitude && longitude ? `${latitude}, ${longitude}` : undefined}>
        {body && <Text>{body}</Text>}
        {map && (
          <a href={map} target="_blank" rel="noreferrer" className="text-sm font-medium text-emerald-700 underline underline-offset-2 hover:text-emerald-800">
            Open map
          </a>
        )}
      </Attachment>
    );
  }
  if (type === "contacts") {
    return (
      <Attachment label="👤 Contact card">
        <Text>{body}</Text>
      </Attachment>
    );
  }
  if (type === "reaction") {
    return <p className="text-sm italic opacity-80">{body ? `Reacted ${body}` : "Removed a reaction"}</p>;
  }
  if (type === "unsupported") {
    return (
      <Attachment label="⚠️ Unsupported message">
        <p className="text-xs opacity-70">This message type can’t be shown here yet. Open WhatsApp to see it.</p>
      </Attachment>
    );
  }
  return <Text>{body}</Text>;
}
