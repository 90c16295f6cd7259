// A failed reply's reason as the server stores it ("More than 24 hours have passed… (131047)"):
// the sentence for people, and WhatsApp's error code apart, for whoever has to look it up.
export function splitReason(reason: string | null): { text: string; code: string | null } {
  const trimmed = reason?.trim() ?? "";
  if (!trimmed) return { text: "WhatsApp did not accept this message.", code: null };
  const match = /^(.*\S)\s*\((\d+)\)$/s.exec(trimmed);
  return match ? { text: match[1]!, code: match[2]! } : { text: trimmed, code: null };
}
