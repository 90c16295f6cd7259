// A failed reply's reason as the server stores it ("More than 24 hours have passed… (131047)"):
// the sentence for people, and WhatsApp's error code apart, for whoever has to look it up.
/** Said (in the person's language) when WhatsApp gave no reason. */
export const DEFAULT_FAILURE = "WhatsApp did not accept this message.";

export function splitReason(reason: string | null): { text: string; code: string | null } {
  const trimmed = reason?.trim() ?? "";
  if (!trimmed) return { text: DEFAULT_FAILURE, code: null };
  const match = /^(.*\S)\s*\((\d+)\)$/s.exec(trimmed);
  return match ? { text: match[1]!, code: match[2]! } : { text: trimmed, code: null };
}
