// Who is typing where, as this tab was told by the presence subscription. Pure and immutable: an
// update that changes nothing returns the same object, so React re-renders only what changed.
import type { Translator } from "@/i18n/translator";
import { TYPING_TIMEOUT_MS, type TTypingUpdate } from "@/shared/presence";

export interface Typist {
  id: string;
  name: string;
  /** When to stop showing them unless they signal again (ms since the epoch). */
  until: number;
}

/** Conversation id → who is typing there, in the order they started. */
export type TypingByConversation = Readonly<Record<string, readonly Typist[]>>;

export const NO_TYPISTS: readonly Typist[] = [];

export function applyTyping(state: TypingByConversation, update: TTypingUpdate, now: number): TypingByConversation {
  const current = state[update.conversationId] ?? NO_TYPISTS;
  const others = current.filter((typist) => typist.id !== update.user.id);
  if (!update.typing) return others.length === current.length ? state : withTypists(state, update.conversationId, others);
  const typist = { id: update.user.id, name: update.user.name, until: now + TYPING_TIMEOUT_MS };
  // A typist who signals again keeps their place in the sentence.
  const next = current.some((existing) => existing.id === typist.id)
    ? current.map((existing) => (existing.id === typist.id ? typist : existing))
    : [...others, typist];
  return withTypists(state, update.conversationId, next);
}

/** Drops typists who went quiet. */
export function pruneTyping(state: TypingByConversation, now: number): TypingByConversation {
  let next = state;
  for (const [conversationId, typists] of Object.entries(state)) {
    const fresh = typists.filter((typist) => typist.until > now);
    if (fresh.length !== typists.length) next = withTypists(next, conversationId, fresh);
  }
  return next;
}

/** When the next typist expires, or null when nobody is typing. */
export function nextExpiry(state: TypingByConversation): number | null {
  const times = Object.values(state).flatMap((typists) => typists.map((typist) => typist.until));
  return times.length > 0 ? Math.min(...times) : null;
}

function withTypists(state: TypingByConversation, conversationId: string, typists: readonly Typist[]): TypingByConversation {
  const { [conversationId]: _dropped, ...rest } = state;
  return typists.length > 0 ? { ...rest, [conversationId]: typists } : rest;
}

/** "Ada is typing…", "Ada and Alan are typing…", "Ada, Alan and Bo are typing…"; "" for nobody. */
export function typingText(names: readonly string[], t: Translator<"Typing">, locale: string): string {
  if (names.length === 0) return "";
  const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  if (names.length <= 3) return t("typing", { count: names.length, names: list.format(names) });
  return t("typing", { count: names.length, names: list.format([...names.slice(0, 2), t("others", { count: names.length - 2 })]) });
}
