// What the server says to people, as a message key and its values rather than as English: the
// dashboard words it in the reader's language (messages/*.json, namespace "Server"), and the server
// words it in English for its logs and for API callers (server/i18n/english.ts).
//
// A sentence about one form field names it (`field`): English and every translation put the
// field's label first ("Email: not a valid email address"), and the form marks that control.
import { z } from "zod";
import type en from "../../messages/en.json";

export type ServerTextKey = keyof (typeof en)["Server"];
export type FieldName = keyof (typeof en)["Fields"];
export type TextValues = Record<string, string | number>;

export interface ServerText {
  key: ServerTextKey;
  values?: TextValues;
  field?: FieldName;
}

export const said = (key: ServerTextKey, values?: TextValues, field?: FieldName): ServerText => ({
  key,
  ...(values ? { values } : {}),
  ...(field ? { field } : {}),
});

/** The same, about one field of a form. */
export const saidOf = (field: FieldName, key: ServerTextKey, values?: TextValues): ServerText => said(key, values, field);

// Where only a string fits — a zod schema's message, a failed message's stored reason — a text
// travels as tagged JSON, and is read back with decodeText.
const TAG = "server-text:";

/** A string that carries `text` (a zod message, a stored reason). */
export const encodeText = (text: ServerText): string => TAG + JSON.stringify(text);

/** Shorthand for the zod message about one field. */
export const schemaSays = (field: FieldName, key: ServerTextKey, values?: TextValues): string => encodeText(saidOf(field, key, values));

/** The text a string carries, or null for any other string (zod's own words, WhatsApp's). */
export function decodeText(message: string): ServerText | null {
  if (!message.startsWith(TAG)) return null;
  try {
    const parsed: unknown = JSON.parse(message.slice(TAG.length));
    return isServerText(parsed) ? parsed : null;
  } catch {
    return null; // not one of ours after all
  }
}

/**
 * The first text among zod's issues, looking into the alternatives of a union that none matched
 * (whose own message is zod's "Invalid input"); null when they carry none.
 */
export function firstIssueText(issues: unknown): ServerText | null {
  if (!Array.isArray(issues)) return null;
  for (const issue of issues as unknown[]) {
    if (typeof issue !== "object" || issue === null) continue;
    const text = "message" in issue && typeof issue.message === "string" ? decodeText(issue.message) : null;
    if (text) return text;
    if ("errors" in issue && Array.isArray(issue.errors)) {
      for (const alternative of issue.errors as unknown[]) {
        const inner = firstIssueText(alternative);
        if (inner) return inner;
      }
    }
  }
  return null;
}

/** A text in a zod schema of what the server sends (a template field's label). */
export const ZServerText = z.custom<ServerText>(isServerText, { message: "not a server text" });

/** Whether `value` (from the wire: an error's data, a route's JSON) is a text to word. */
export function isServerText(value: unknown): value is ServerText {
  if (typeof value !== "object" || value === null || !("key" in value) || typeof value.key !== "string") return false;
  if ("field" in value && typeof value.field !== "string") return false;
  if (!("values" in value) || value.values === undefined) return true;
  const values = value.values;
  return typeof values === "object" && values !== null && Object.values(values).every((v) => typeof v === "string" || typeof v === "number");
}

/** The text of the first problem a schema found, or "Invalid input" when its issues carry none. */
export const firstProblem = (issues: unknown): ServerText => firstIssueText(issues) ?? said("invalidInput");
