"use client";
// The file an agent is about to send in one conversation: checked against WhatsApp's limits at
// once (src/shared/media-kinds.ts, the table the server enforces), uploaded while they write the
// caption, then sent with message.sendMedia under an id made once per file, so a repeated click
// or a retried call stores one message. The message then reaches the log by the live stream.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { judgeAttachment, MEDIA_KINDS, type MediaKind } from "@/shared/media-kinds";
import { loadLoginPage } from "@/trpc/navigation";
import { httpStatusOf } from "@/trpc/query-client";
import { api } from "@/trpc/react";
import { readableReason } from "../_lib/send-error";
import { useReasonWords } from "./use-reason-words";
import { UploadError, uploadFile, type UploadHandle } from "../_lib/upload-file";
import { newUuid } from "../_lib/uuid";

export interface Attachment {
  file: File;
  kind: MediaKind;
  /** An object URL for a photo's thumbnail; null for other kinds. */
  previewUrl: string | null;
  /** 0 to 1 while uploading. */
  progress: number;
  uploadId: string | null;
  messageId: string;
}

export function useAttachment(conversationId: string) {
  const t = useTranslations("Errors");
  const words = useReasonWords();
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useRef<UploadHandle | null>(null);
  const sendMedia = api.message.sendMedia.useMutation({
    onError: (failure) => {
      if (httpStatusOf(failure) === 401) loadLoginPage();
    },
  });

  // The preview's object URL belongs to the attachment shown; it is let go with it.
  const shown = useRef<Attachment | null>(null);
  const show = useCallback((next: Attachment | null) => {
    if (shown.current?.previewUrl && shown.current.previewUrl !== next?.previewUrl) URL.revokeObjectURL(shown.current.previewUrl);
    shown.current = next;
    setAttachment(next);
  }, []);
  const clear = useCallback(() => {
    upload.current?.abort();
    upload.current = null;
    show(null);
  }, [show]);
  // Leaving the conversation drops what was not sent (the server forgets it after a day).
  useEffect(() => clear, [clear, conversationId]);

  const attach = useCallback(
    (file: File) => {
      clear();
      setError(null);
      sendMedia.reset();
      // Why an upload failed, in words: the server's refusal, or that no answer came.
      const uploadProblem = (failure: unknown): string => {
        if (!(failure instanceof UploadError)) return t("uploadFailed");
        if (failure.text) return words.word(failure.text, failure.message);
        return failure.status === 0 ? t("uploadUnreachable") : t("uploadFailedStatus", { status: failure.status });
      };
      const verdict = judgeAttachment(file);
      if (!verdict.ok) return setError(words.word(verdict.error));
      const previewUrl = verdict.kind === "image" ? URL.createObjectURL(file) : null;
      show({ file, kind: verdict.kind, previewUrl, progress: 0, uploadId: null, messageId: newUuid() });
      // Updates only while this file is still the one shown.
      const update = (change: Partial<Attachment>) => {
        if (shown.current?.file === file) show({ ...shown.current, ...change });
      };
      const handle = uploadFile(conversationId, file, verdict.mimeType, (progress) => update({ progress }));
      upload.current = handle;
      handle.done.then(
        (uploaded) => update({ progress: 1, uploadId: uploaded.uploadId }),
        (failure: unknown) => {
          if (upload.current !== handle) return; // replaced or removed meanwhile
          if (failure instanceof UploadError && failure.status === 401) return loadLoginPage();
          setError(uploadProblem(failure));
          clear();
        },
      );
    },
    [clear, conversationId, sendMedia, show, t, words],
  );

  const send = (caption: string) => {
    if (!attachment?.uploadId || sendMedia.isPending) return;
    const current = attachment;
    sendMedia.mutate(
      { conversationId, id: current.messageId, uploadId: current.uploadId!, caption: MEDIA_KINDS[current.kind].caption ? caption : "" },
      {
        onSuccess: () => {
          if (shown.current?.messageId === current.messageId) clear();
        },
      },
    );
  };

  return {
    attachment,
    error: error ?? (sendMedia.isError ? t("sendFile", { reason: readableReason(sendMedia.error, words) }) : null),
    sending: sendMedia.isPending,
    attach,
    remove: () => {
      clear();
      setError(null);
    },
    send,
  };
}
