"use client";
// The file about to be sent, in place of the text box: a photo's thumbnail or the file's name and
// size, a progress bar while it uploads, a caption (for the kinds WhatsApp captions), and Send.
// Enter in the caption sends, Escape removes the file.
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { describeSize, MAX_CAPTION_LENGTH, MEDIA_KINDS } from "@/shared/media-kinds";
import type { Attachment } from "../../_hooks/use-attachment";

interface Props {
  attachment: Attachment;
  sending: boolean;
  onSend: (caption: string) => void;
  onRemove: () => void;
}

export function AttachmentPreview({ attachment, sending, onSend, onRemove }: Props) {
  const [caption, setCaption] = useState("");
  const captionId = useId();
  const { file, kind, previewUrl, progress, uploadId } = attachment;
  const t = useTranslations("Attachment");
  const tKind = useTranslations("Message");
  const { caption: takesCaption } = MEDIA_KINDS[kind];
  const label = tKind(`kind.${kind}`);
  const ready = uploadId !== null && !sending;
  const percent = Math.round(progress * 100);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) onSend(caption.trim());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") onRemove();
  };

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} aria-label={t("send", { kind: label.toLowerCase() })} className="flex flex-col gap-2 rounded-2xl border border-slate-300 bg-white p-2.5 shadow-sm">
      <div className="flex items-center gap-3">
        {previewUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local object URL, not a remote image
          <img src={previewUrl} alt={t("preview", { name: file.name })} className="size-16 shrink-0 rounded-lg bg-slate-100 object-cover" />
        ) : (
          <span aria-hidden className="flex size-16 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-xs font-semibold text-slate-600 uppercase">
            {file.name.split(".").pop()?.slice(0, 4) || label}
          </span>
        )}
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <span className="truncate text-sm font-medium text-slate-800">{file.name}</span>
          <span className="text-xs text-slate-500">
            {label} · {describeSize(file.size)}
            {uploadId === null ? ` · ${t("uploadingPercent", { percent })}` : ""}
          </span>
          {uploadId === null && (
            <div
              role="progressbar"
              aria-label={t("uploading", { name: file.name })}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-1.5 w-full overflow-hidden rounded-full bg-slate-100"
            >
              <div className="h-full rounded-full bg-emerald-500 transition-[width]" style={{ width: `${percent}%` }} />
            </div>
          )}
        </div>
        <button
          type="button"
          onClick={onRemove}
          aria-label={t("remove")}
          className="flex size-8 shrink-0 items-center justify-center rounded-full text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-emerald-600"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
          </svg>
        </button>
      </div>
      <div className="flex items-end gap-2">
        {takesCaption ? (
          <>
            <label htmlFor={captionId} className="sr-only">
              {t("caption")}
            </label>
            <input
              id={captionId}
              autoFocus
              value={caption}
              maxLength={MAX_CAPTION_LENGTH}
              onChange={(event) => setCaption(event.target.value)}
              placeholder={t("captionPlaceholder")}
              className="min-w-0 flex-1 rounded-full border border-slate-300 px-3.5 py-2 text-sm text-slate-900 outline-none placeholder:text-slate-400 focus:border-emerald-500 focus:ring-2 focus:ring-emerald-500/20"
            />
          </>
        ) : (
          <p className="flex-1 px-1 text-xs text-slate-500">{t("noCaption", { kind: label.toLowerCase() })}</p>
        )}
        <button
          type="submit"
          aria-disabled={!ready}
          className="inline-flex h-9 shrink-0 items-center rounded-full bg-emerald-700 px-4 text-sm font-semibold text-white shadow-sm hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 aria-disabled:cursor-not-allowed aria-disabled:bg-slate-100 aria-disabled:text-slate-400 aria-disabled:shadow-none"
        >
          {sending ? t("sending") : t("sendShort")}
        </button>
      </div>
    </form>
  );
}
