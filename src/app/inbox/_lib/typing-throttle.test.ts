import { describe, expect, it } from "vitest";
import { TYPING_REFRESH_MS } from "@/shared/presence";
import { IDLE, onTextChange, type TypingThrottle } from "./typing-throttle";

/** Feeds a run of (hasText, time) changes and returns what was sent. */
function run(changes: [boolean, number][]): (boolean | null)[] {
  let state: TypingThrottle = IDLE;
  return changes.map(([hasText, now]) => {
    const result = onTextChange(state, hasText, now);
    state = result.state;
    return result.send;
  });
}

describe("typing throttle", () => {
  it("signals on the first keystroke, then at most once per refresh interval while typing", () => {
    const keystrokes = Array.from({ length: 25 }, (_, index): [boolean, number] => [true, 1_000 + index * 200]);
    const sent = run(keystrokes);
    expect(sent[0]).toBe(true);
    // 25 keystrokes over 4.8 s: one at the start, then one every 2 s.
    expect(sent.filter((send) => send === true)).toHaveLength(3);
    expect(sent.indexOf(true, 1)).toBe(TYPING_REFRESH_MS / 200);
  });

  it("says stopped at once when the box is emptied, and only if it had said typing", () => {
    expect(run([[true, 0], [true, 100], [false, 200]])).toEqual([true, null, false]);
    expect(run([[false, 0]])).toEqual([null]);
    // Typing again right after sending starts a new signal at once.
    expect(run([[true, 0], [false, 100], [true, 150]])).toEqual([true, false, true]);
  });
});
