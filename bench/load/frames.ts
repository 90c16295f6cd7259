// Reading the frames the load generators receive. They are parsed as `unknown` and read field by
// field, so a frame of an unexpected shape reads as "nothing here" instead of passing as a type
// it is not. The same few lookups for either protocol, so the client's cost stays comparable.
import { jsonObject as object, jsonText as text } from "../json-fields";

export interface TrpcFrame {
  /** The subscription the frame answers (the id the client chose). */
  id: number | null;
  /** "started", "stopped" or "data". */
  resultType: string | null;
  /** A tracked item's event id: the cursor to resume from. */
  eventId: string | null;
  /** The text of a message.created event's message. */
  messageBody: string | null;
  error: string | null;
}

export function readTrpcFrame(raw: string): TrpcFrame {
  const frame = object(JSON.parse(raw));
  const result = object(frame?.result);
  const event = object(object(result?.data)?.data);
  const message = event?.type === "message.created" ? object(event.message) : null;
  return {
    id: typeof frame?.id === "number" ? frame.id : null,
    resultType: text(result?.type),
    eventId: text(result?.id),
    messageBody: text(message?.body),
    error: frame && "error" in frame ? (text(object(frame.error)?.message) ?? raw) : null,
  };
}

/** The body of a Socket.IO "message" event packet's payload (`42["message",{...}]`), if it is one. */
export function readSocketIoMessageBody(packet: string): string | null {
  const parsed: unknown = JSON.parse(packet);
  if (!Array.isArray(parsed) || parsed[0] !== "message") return null;
  return text(object(parsed[1])?.body);
}
