// Only a definite "no" from the server sets a queued reply aside; everything else is retried with
// the same id (safe: message.send is idempotent by id).
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { englishTranslator } from "@/i18n/test-translator";
import { wordText } from "@/i18n/word-text";
import { encodeText, said, type ServerText } from "@/shared/server-text";
import { classifySendError as classify, readableReason as reason, type ReasonWords } from "./send-error";

function serverError(httpStatus: number, message: string, text?: ServerText) {
  return TRPCClientError.from({ error: { code: -32600, message, data: { code: "X", httpStatus, text } } });
}

const words: ReasonWords = {
  word: (text) => wordText(text, englishTranslator("Server"), englishTranslator("Fields")),
  refused: "The server refused this message",
};
const classifySendError = (error: unknown) => classify(error, words);
const readableReason = (error: unknown) => reason(error, words);

describe("what a failed send means", () => {
  it("retries when no answer came (offline, reset, aborted, a proxy's error page)", () => {
    expect(classifySendError(TRPCClientError.from(new TypeError("Failed to fetch")))).toEqual({ kind: "retry-later" });
    expect(classifySendError(new DOMException("The operation was aborted", "TimeoutError"))).toEqual({ kind: "retry-later" });
  });

  it.each([500, 502, 503, 408, 429])("retries after HTTP %d", (status) => {
    expect(classifySendError(serverError(status, "busy"))).toEqual({ kind: "retry-later" });
  });

  it("sends the person to sign in again when the session is gone", () => {
    expect(classifySendError(serverError(401, "Sign in first"))).toEqual({ kind: "signed-out" });
  });

  it.each([
    [400, "Bad input"],
    [403, "Not allowed"],
    [404, "Conversation not found"],
    [409, "This message id belongs to another message"],
  ])("sets the reply aside for good after HTTP %d", (status, message) => {
    expect(classifySendError(serverError(status, message))).toEqual({ kind: "rejected", reason: message });
  });
});

describe("the reason in words", () => {
  it("reads zod's issue list as its messages", () => {
    const issues = JSON.stringify(
      [{ code: "too_big", path: ["body"], message: "A message can have at most 4096 characters" }],
      null,
      2,
    );
    expect(readableReason(serverError(400, issues))).toBe("A message can have at most 4096 characters");
  });

  it("words the server's text, and tagged messages in an issue list", () => {
    const pirate: ReasonWords = { word: (text) => `Arr, ${text.key}`, refused: "Nay" };
    expect(reason(serverError(404, "Conversation not found", said("conversationNotFound")), pirate)).toBe("Arr, conversationNotFound");
    const issues = JSON.stringify([{ message: encodeText(said("messageTooLong", { max: 4096 })) }]);
    expect(readableReason(serverError(400, issues))).toBe("A message can have at most 4,096 characters");
  });

  it("keeps any other message as it is, with a fallback for none", () => {
    expect(readableReason(serverError(404, "Conversation not found"))).toBe("Conversation not found");
    expect(readableReason(serverError(400, "[not json"))).toBe("[not json");
    expect(readableReason(serverError(400, ""))).toBe("The server refused this message");
  });
});
