// When the composer tells the others that its person is typing: at once on the first keystroke,
// then at most every TYPING_REFRESH_MS while the text keeps changing (viewers drop a typist after
// TYPING_TIMEOUT_MS of silence), and "stopped" at once when the box is emptied (sent or cleared).
import { TYPING_REFRESH_MS } from "@/shared/presence";

export interface TypingThrottle {
  /** Whether the others were told "typing" and not yet "stopped". */
  active: boolean;
  lastSentAt: number;
}

export const IDLE: TypingThrottle = { active: false, lastSentAt: Number.NEGATIVE_INFINITY };

/** The signal to send (true: typing, false: stopped, null: none) after the text changed. */
export function onTextChange(state: TypingThrottle, hasText: boolean, now: number): { state: TypingThrottle; send: boolean | null } {
  if (!hasText) return state.active ? { state: IDLE, send: false } : { state, send: null };
  if (!state.active || now - state.lastSentAt >= TYPING_REFRESH_MS) return { state: { active: true, lastSentAt: now }, send: true };
  return { state, send: null };
}
