// Canned responses: what the server stores and lists, and the two rules both sides apply — which
// placeholders a text may hold (checked when saving, so a typo is caught by the person writing it,
// not by a customer reading "{{contact.nmae}}") and how they are filled when the agent inserts one.
import { z } from "zod";
import { schemaSays as says } from "./server-text";

/** The values a placeholder may take, from the open conversation and the signed-in agent. */
export interface PlaceholderValues {
  contactName: string;
  agentName: string;
  inboxName: string;
}

const firstWord = (name: string) => name.trim().split(/\s+/)[0] ?? "";

export const PLACEHOLDERS: Record<string, (values: PlaceholderValues) => string> = {
  "contact.name": (values) => values.contactName,
  "contact.first_name": (values) => firstWord(values.contactName),
  "agent.name": (values) => values.agentName,
  "inbox.name": (values) => values.inboxName,
};

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS);

// Spaces inside the braces are allowed ({{ contact.name }}), as people type them.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders in `text` that are not known, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!Object.hasOwn(PLACEHOLDERS, name)) unknown.add(name);
  }
  return [...unknown];
}

/** `text` with each known placeholder replaced by its value; anything else is left as written. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(PLACEHOLDERS, name) ? PLACEHOLDERS[name]!(values) : whole));
}

export const MAX_SHORTCUT_LENGTH = 40;
export const MAX_CANNED_BODY_LENGTH = 4096;

// Stored lower-cased: "/Refund" and "/refund" are one shortcut to the person typing it.
export const ZShortcut = z
  .string({ error: says("shortcut", "required") })
  .trim()
  .toLowerCase()
  .min(1, says("shortcut", "writeShortcut"))
  .max(MAX_SHORTCUT_LENGTH, says("shortcut", "atMostCharacters", { max: MAX_SHORTCUT_LENGTH }))
  .regex(/^[a-z0-9-]+$/, says("shortcut", "shortcutCharacters"));

export const ZCannedBody = z
  .string({ error: says("text", "required") })
  .trim()
  .min(1, says("text", "writeReply"))
  .max(MAX_CANNED_BODY_LENGTH, says("text", "atMostCharacters", { max: MAX_CANNED_BODY_LENGTH }))
  .superRefine((text, ctx) => {
    const unknown = unknownPlaceholders(text);
    if (unknown.length === 0) return;
    const names = unknown.map((name) => `{{${name}}}`).join(", ");
    const known = PLACEHOLDER_NAMES.map((name) => `{{${name}}}`).join(", ");
    ctx.addIssue({ code: "custom", message: says("text", "unknownPlaceholder", { names, known }) });
  });

export const CANNED_SCOPES = ["everyone", "inbox", "personal"] as const;
export type CannedScope = (typeof CANNED_SCOPES)[number];

export const ZCannedResponse = z.object({
  id: z.string(),
  shortcut: z.string(),
  body: z.string(),
  scope: z.enum(CANNED_SCOPES),
  /** Set when the scope is "inbox". */
  inboxId: z.string().nullable(),
  inboxName: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type TCannedResponse = z.infer<typeof ZCannedResponse>;

/**
 * The responses matching what was typed after the slash, by shortcut first (those starting with it,
 * then those containing it) and then by text; an empty query keeps them all, in shortcut order.
 */
export function filterCannedResponses<T extends { shortcut: string; body: string }>(responses: readonly T[], query: string): T[] {
  const needle = query.trim().toLowerCase();
  const rank = (response: T): number => {
    if (!needle) return 0;
    const shortcut = response.shortcut.toLowerCase();
    if (shortcut.startsWith(needle)) return 0;
    if (shortcut.includes(needle)) return 1;
    return response.body.toLowerCase().includes(needle) ? 2 : -1;
  };
  return responses
    .map((response) => ({ response, rank: rank(response) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.response.shortcut.localeCompare(b.response.shortcut))
    .map((entry) => entry.response);
}

/** What the composer's box says: the slash query while it is "/" plus a word at the very start. */
export function slashQuery(text: string): string | null {
  const match = /^\/([^\s/]*)$/.exec(text);
  return match ? match[1]! : null;
}
