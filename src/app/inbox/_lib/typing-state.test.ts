import { describe, expect, it } from "vitest";
import { TYPING_TIMEOUT_MS, type TTypingUpdate } from "@/shared/presence";
import { englishTranslator } from "@/i18n/test-translator";
import { applyTyping, nextExpiry, pruneTyping, typingText as typingTextIn, type TypingByConversation } from "./typing-state";

const typingText = (names: string[]) => typingTextIn(names, englishTranslator("Typing"), "en");

const ada = { id: "u1", name: "Ada" };
const alan = { id: "u2", name: "Alan" };
const signal = (user: typeof ada, typing: boolean, conversationId = "c1"): TTypingUpdate => ({ type: "typing", conversationId, user, typing });
const names = (state: TypingByConversation, conversationId = "c1") => (state[conversationId] ?? []).map((typist) => typist.name);

describe("typing state", () => {
  it("shows typists in the order they started, per conversation, and drops one who stops at once", () => {
    let state: TypingByConversation = {};
    state = applyTyping(state, signal(ada, true), 0);
    state = applyTyping(state, signal(alan, true), 100);
    state = applyTyping(state, signal(ada, true, "c2"), 200);
    state = applyTyping(state, signal(ada, true), 2_000);
    expect(names(state)).toEqual(["Ada", "Alan"]);
    expect(names(state, "c2")).toEqual(["Ada"]);

    state = applyTyping(state, signal(ada, false), 2_100);
    expect(names(state)).toEqual(["Alan"]);
    state = applyTyping(state, signal(alan, false), 2_200);
    expect(state).toEqual({ c2: [{ ...ada, until: 200 + TYPING_TIMEOUT_MS }] });
  });

  it("forgets a typist who went quiet for the timeout, and a renewed signal keeps them", () => {
    let state = applyTyping({}, signal(ada, true), 0);
    state = applyTyping(state, signal(alan, true), 3_000);
    expect(nextExpiry(state)).toBe(TYPING_TIMEOUT_MS);
    expect(pruneTyping(state, TYPING_TIMEOUT_MS - 1)).toBe(state);
    state = pruneTyping(state, TYPING_TIMEOUT_MS);
    expect(names(state)).toEqual(["Alan"]);
    state = pruneTyping(state, 3_000 + TYPING_TIMEOUT_MS);
    expect(state).toEqual({});
    expect(nextExpiry(state)).toBeNull();
  });

  it("returns the same object when nothing changes", () => {
    const state = applyTyping({}, signal(ada, true), 0);
    expect(applyTyping(state, signal(alan, false), 1)).toBe(state);
    expect(applyTyping(state, signal(ada, false, "elsewhere"), 1)).toBe(state);
  });
});

describe("typingText", () => {
  it("names one, two, three or many typists", () => {
    expect(typingText([])).toBe("");
    expect(typingText(["Ada"])).toBe("Ada is typing…");
    expect(typingText(["Ada", "Alan"])).toBe("Ada and Alan are typing…");
    expect(typingText(["Ada", "Alan", "Bo"])).toBe("Ada, Alan, and Bo are typing…");
    expect(typingText(["Ada", "Alan", "Bo", "Cy", "Di"])).toBe("Ada, Alan, and 3 others are typing…");
  });
});
