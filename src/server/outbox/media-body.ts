// The Cloud API body of a media message sent by the id its upload answered (media-upload.ts):
// `{ type: "image", image: { id, caption } }`; documents carry their file name; audio and
// stickers take no caption.
import { mediaDetails } from "../media/details";
import { MEDIA_KINDS, type MediaKind } from "@/shared/media-kinds";
import { UnsendableMessageError, type OutboundMessage } from "./request-body";
import { said } from "@/shared/server-text";

export function mediaMessageBody(to: string, kind: MediaKind, message: OutboundMessage) {
  const details = mediaDetails(message);
  if (!details?.mediaId) throw new UnsendableMessageError(said("sendFileNotUploaded"));
  const media: Record<string, string> = { id: details.mediaId };
  if (MEDIA_KINDS[kind].caption && message.body) media.caption = message.body;
  if (kind === "document" && details.filename) media.filename = details.filename;
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: kind,
    [kind]: media,
    biz_opaque_callback_data: message.id,
  };
}
