// Labels: what the server stores and lists, the limits both sides apply, and how a conversation's
// labels are kept in its row (Conversation.labelIds, see prisma/schema.prisma).
import { z } from "zod";
import { schemaSays as says } from "./server-text";

/** The colours a label may have; the dashboard draws each with text that meets WCAG AA contrast. */
export const LABEL_COLORS = ["slate", "red", "amber", "emerald", "sky", "violet", "pink"] as const;
export type TLabelColor = (typeof LABEL_COLORS)[number];

/** More labels than a team can tell apart in a menu; a bound on what an admin can make us hold. */
export const MAX_LABELS = 100;
/** More than anyone can read on a list row. */
export const MAX_LABELS_PER_CONVERSATION = 10;
export const MAX_LABEL_NAME = 40;

export const ZLabelName = z
  .string()
  .trim()
  .min(1, says("name", "writeAName"))
  .max(MAX_LABEL_NAME, says("name", "atMostCharacters", { max: MAX_LABEL_NAME }))
  .refine((name) => !/[\p{Cc}]/u.test(name), says("name", "noControlCharacters"));
export const ZLabelColor = z.enum(LABEL_COLORS, { error: says("colour", "chooseColour") });

export const ZLabel = z.object({ id: z.string(), name: z.string(), color: ZLabelColor });
export type TLabel = z.infer<typeof ZLabel>;

/** Two names that differ only by case or surrounding spaces are the same label. */
export const labelNameKey = (name: string) => name.trim().toLocaleLowerCase("en");

/** The stored form of a conversation's label ids: ",a,b," so one id is found or removed by ",id,"; "" for none. */
export function encodeLabelIds(ids: readonly string[]): string {
  return ids.length === 0 ? "" : `,${ids.join(",")},`;
}

export function decodeLabelIds(stored: string): string[] {
  return stored.split(",").filter((id) => id.length > 0);
}
