"use client";
// Media from /api/media/<message id> (fetched from WhatsApp, verified and cached by the server).
// Every element has its size before it loads, so the log never jumps under the reader, and a file
// that cannot be loaded says so in words instead of showing a broken image.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { documentKind } from "../../_lib/document-kind";

export const mediaUrl = (messageId: string) => `/api/media/${encodeURIComponent(messageId)}`;

/** In place of media that failed to load, the same size. `download` offers the file anyway: the
 *  browser may have failed only to play it (AMR audio, 3GP video), not to fetch it. */
function Unavailable({ what, className = "", download }: { what: "image" | "sticker" | "audio" | "video"; className?: string; download?: string }) {
  const t = useTranslations("Message");
  return (
    <div className={`flex flex-col items-center justify-center gap-0.5 rounded-lg bg-slate-100 px-3 py-2 text-center text-sm text-slate-500 ${className}`}>
      <span>{t("unavailable", { kind: t(`kind.${what}`) })}</span>
      {download && (
        <a href={download} download className="text-xs font-medium text-emerald-700 underline underline-offset-2 hover:text-emerald-800">
          {t("tryDownloading")}
        </a>
      )}
    </div>
  );
}

/** A thumbnail in a fixed box; a click opens the full image in a new tab. */
export function MediaImage({ messageId, caption }: { messageId: string; caption: string }) {
  const t = useTranslations("Message");
  const [failed, setFailed] = useState(false);
  const box = "h-48 w-64 max-w-full";
  if (failed) return <Unavailable what="image" className={box} />;
  return (
    <a
      href={mediaUrl(messageId)}
      target="_blank"
      rel="noopener noreferrer"
      className={`block overflow-hidden rounded-lg bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-600 ${box}`}
    >
      {/* A plain <img>: the bytes come from our own authenticated route, which next/image cannot proxy. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={mediaUrl(messageId)}
        alt={caption || t("kind.image")}
        loading="lazy"
        decoding="async"
        width={256}
        height={192}
        onError={() => setFailed(true)}
        className="size-full object-cover"
      />
    </a>
  );
}

export function MediaSticker({ messageId }: { messageId: string }) {
  const t = useTranslations("Message");
  const [failed, setFailed] = useState(false);
  if (failed) return <Unavailable what="sticker" className="size-32" />;
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={mediaUrl(messageId)}
      alt={t("kind.sticker")}
      loading="lazy"
      decoding="async"
      width={128}
      height={128}
      onError={() => setFailed(true)}
      className="size-32 object-contain"
    />
  );
}

export function MediaAudio({ messageId }: { messageId: string }) {
  const t = useTranslations("Message");
  const [failed, setFailed] = useState(false);
  if (failed) return <Unavailable what="audio" className="h-14 w-72 max-w-full" download={mediaUrl(messageId)} />;
  return (
    <audio controls preload="metadata" src={mediaUrl(messageId)} onError={() => setFailed(true)} className="h-14 w-72 max-w-full">
      <a href={mediaUrl(messageId)}>{t("downloadAudio")}</a>
    </audio>
  );
}

export function MediaVideo({ messageId }: { messageId: string }) {
  const t = useTranslations("Message");
  const [failed, setFailed] = useState(false);
  const box = "h-48 w-72 max-w-full";
  if (failed) return <Unavailable what="video" className={box} download={mediaUrl(messageId)} />;
  return (
    <video controls preload="metadata" src={mediaUrl(messageId)} onError={() => setFailed(true)} className={`rounded-lg bg-black ${box}`}>
      <a href={mediaUrl(messageId)}>{t("downloadVideo")}</a>
    </video>
  );
}

export function MediaDocument({ messageId, filename, mimeType }: { messageId: string; filename?: string; mimeType?: string }) {
  const t = useTranslations("Message");
  const name = filename || t("kind.document");
  const kind = documentKind(mimeType, filename);
  return (
    <a
      href={mediaUrl(messageId)}
      download={filename || true}
      aria-label={t("downloadFile", { name, kind })}
      className="flex max-w-72 items-center gap-3 rounded-lg bg-black/5 px-3 py-2 hover:bg-black/10 focus-visible:outline-2 focus-visible:outline-emerald-600"
    >
      <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded bg-white text-[10px] font-semibold text-slate-600 ring-1 ring-slate-200">
        {kind.slice(0, 4)}
      </span>
      <span className="flex min-w-0 flex-col">
        <span className="truncate text-sm font-medium">{name}</span>
        <span className="text-xs opacity-70">{kind} · {t("download")}</span>
      </span>
    </a>
  );
}
