// What the admin pages accept, checked with messages named after the forms' labels ("Email: …"),
// so the form and the API say the same thing. Parsers fail with the first problem as a plain
// sentence rather than zod's JSON list of issues; tRPC answers it as BAD_REQUEST.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/shared/admin";
import { ROLES } from "@/shared/dto";

const ZId = z.string().min(1).max(100);
const ZRole = z.enum(ROLES, { error: "Role: choose admin or agent" });
const ZPersonName = z.string({ error: "Name is required" }).trim().min(1, "Name: write the person’s name").max(80, "Name: at most 80 characters");
// Stored lower-cased: sign-in looks the email up lower-cased, and two spellings are one person.
const ZEmail = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email("Email: not a valid email address").max(200, "Email: at most 200 characters"));
const ZPassword = z
  .string({ error: "Password is required" })
  .min(MIN_PASSWORD_LENGTH, `Password: at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "Password: at most 200 characters");

const ZInboxName = z.string({ error: "Inbox name is required" }).trim().min(1, "Inbox name: write a name").max(80, "Inbox name: at most 80 characters");
const ZPhoneNumberId = z
  .string({ error: "Phone number ID is required" })
  .trim()
  .regex(/^\d{5,30}$/, "Phone number ID: digits only, as Meta’s WhatsApp Manager shows it");
const ZDisplayPhoneNumber = z
  .string()
  .trim()
  .max(30, "Display phone number: at most 30 characters")
  .regex(/^[+\d\s().-]*$/, "Display phone number: digits, spaces and + ( ) - only")
  .transform((value) => value || null);
// Whose message templates the inbox offers; empty clears it (the default inbox then uses WHATSAPP_BUSINESS_ACCOUNT_ID).
const ZBusinessAccountId = z
  .string()
  .trim()
  .regex(/^(\d{5,30})?$/, "WhatsApp Business Account ID: digits only, as Meta’s WhatsApp Manager shows it")
  .transform((value) => value || null);
const secret = (label: string) =>
  z.string().trim().min(1, `${label}: paste the value`).max(2000, `${label}: at most 2000 characters`);

export const ZCreatePerson = z.object({ name: ZPersonName, email: ZEmail, password: ZPassword, role: ZRole });
export const ZSetRole = z.object({ userId: ZId, role: ZRole });
export const ZSetActive = z.object({ userId: ZId, active: z.boolean() });
export const ZResetPassword = z.object({ userId: ZId, password: ZPassword });
export const ZUserId = z.object({ userId: ZId });
export const MAX_OPEN_CONVERSATIONS_LIMIT = 1000;
export const ZSetMaxOpenConversations = z.object({
  userId: ZId,
  maxOpenConversations: z
    .number({ error: "Max open conversations: a whole number" })
    .int("Max open conversations: a whole number")
    .min(0, "Max open conversations: 0 or more (0: never auto-assigned)")
    .max(MAX_OPEN_CONVERSATIONS_LIMIT, `Max open conversations: at most ${MAX_OPEN_CONVERSATIONS_LIMIT}`),
});
export const ZSetTwoFactorRequired = z.object({ required: z.boolean() });

export const ZCreateInbox = z.object({
  name: ZInboxName,
  phoneNumberId: ZPhoneNumberId,
  displayPhoneNumber: ZDisplayPhoneNumber.optional(),
  accessToken: secret("Access token").optional(),
  appSecret: secret("App secret").optional(),
  businessAccountId: ZBusinessAccountId.optional(),
  sendReadReceipts: z.boolean().optional(),
  sendTypingIndicator: z.boolean().optional(),
  autoAssign: z.boolean().optional(),
});
/** Secrets are write-only: leave one out to keep it, send null to remove it, a value to replace it. */
export const ZUpdateInbox = z.object({
  id: ZId,
  name: ZInboxName,
  phoneNumberId: ZPhoneNumberId,
  displayPhoneNumber: ZDisplayPhoneNumber.optional(),
  accessToken: secret("Access token").nullable().optional(),
  appSecret: secret("App secret").nullable().optional(),
  businessAccountId: ZBusinessAccountId.optional(),
  // Left out: kept as they are (a client from before these settings changes nothing).
  sendReadReceipts: z.boolean().optional(),
  sendTypingIndicator: z.boolean().optional(),
  autoAssign: z.boolean().optional(),
});
export const ZSetMembers = z.object({ inboxId: ZId, userIds: z.array(ZId).max(10_000) });

export class InvalidAdminInputError extends Error {}

/** A tRPC input parser for `schema` that fails with the first problem as one sentence. */
export function plainParser<Schema extends z.ZodType>(schema: Schema) {
  return (input: unknown): z.output<Schema> => {
    const result = schema.safeParse(input);
    if (!result.success) throw new InvalidAdminInputError(result.error.issues[0]?.message ?? "Invalid input");
    return result.data;
  };
}
