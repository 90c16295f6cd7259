// The conversation list's page cursor: the position of a page's last conversation in the list's
// order (its newest message's sort key, then its id), as base64url of JSON. Clients of the API pass
// it back untouched; the server checks it when it returns, so a forged or damaged cursor is refused
// rather than misread. Our own dashboard reads it too, to know where the loaded part of a list ends
// (../app/inbox/_lib/list-pages.ts). Plain web APIs, so the same code runs in Node and browsers.
import { z } from "zod";

export interface ListPosition {
  lastMessageKey: string;
  id: string;
}

const ZPosition = z.tuple([z.string().max(200), z.string().min(1).max(100)]);

export function encodeListCursor(position: ListPosition): string {
  const bytes = new TextEncoder().encode(JSON.stringify([position.lastMessageKey, position.id]));
  const base64 = btoa(String.fromCharCode(...bytes));
  return base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The position, or null when `cursor` is not one encodeListCursor made. */
export function decodeListCursor(cursor: string): ListPosition | null {
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const json = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const parsed = ZPosition.safeParse(JSON.parse(json));
    return parsed.success ? { lastMessageKey: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** Whether `item` comes after `position` in the list's order (newest first, ties by id descending). */
export function isAfter(item: ListPosition, position: ListPosition): boolean {
  return item.lastMessageKey < position.lastMessageKey || (item.lastMessageKey === position.lastMessageKey && item.id < position.id);
}
