// What the admin pages accept, checked with messages named after the forms' labels ("Email: …"),
// so the form and the API say the same thing. Parsers fail with the first problem as a plain
// sentence rather than zod's JSON list of issues; tRPC answers it as BAD_REQUEST.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/shared/admin";
import { ROLES } from "@/shared/dto";
import { schemaSays as says } from "@/shared/server-text";

const ZId = z.string().min(1).max(100);
const ZRole = z.enum(ROLES, { error: says("role", "chooseRole") });
const ZPersonName = z.string({ error: says("name", "required") }).trim().min(1, says("name", "writePersonName")).max(80, says("name", "atMostCharacters", { max: 80 }));
// Stored lower-cased: sign-in looks the email up lower-cased, and two spellings are one person.
const ZEmail = z
  .string({ error: says("email", "required") })
  .trim()
  .toLowerCase()
  .pipe(z.email(says("email", "notAnEmail")).max(200, says("email", "atMostCharacters", { max: 200 })));
const ZPassword = z
  .string({ error: says("password", "required") })
  .min(MIN_PASSWORD_LENGTH, says("password", "atLeastCharacters", { min: MIN_PASSWORD_LENGTH }))
  .max(200, says("password", "atMostCharacters", { max: 200 }));

const ZInboxName = z.string({ error: says("inboxName", "required") }).trim().min(1, says("inboxName", "writeAName")).max(80, says("inboxName", "atMostCharacters", { max: 80 }));
const ZPhoneNumberId = z
  .string({ error: says("phoneNumberId", "required") })
  .trim()
  .regex(/^\d{5,30}$/, says("phoneNumberId", "digitsOnly"));
const ZDisplayPhoneNumber = z
  .string()
  .trim()
  .max(30, says("displayPhoneNumber", "atMostCharacters", { max: 30 }))
  .regex(/^[+\d\s().-]*$/, says("displayPhoneNumber", "phoneCharacters"))
  .transform((value) => value || null);
// Whose message templates the inbox offers; empty clears it (the default inbox then uses WHATSAPP_BUSINESS_ACCOUNT_ID).
const ZBusinessAccountId = z
  .string()
  .trim()
  .regex(/^(\d{5,30})?$/, says("businessAccountId", "digitsOnly"))
  .transform((value) => value || null);
const secret = (field: "accessToken" | "appSecret") =>
  z.string().trim().min(1, says(field, "pasteValue")).max(2000, says(field, "atMostCharacters", { max: 2000 }));

export const ZCreatePerson = z.object({ name: ZPersonName, email: ZEmail, password: ZPassword, role: ZRole });
export const ZSetRole = z.object({ userId: ZId, role: ZRole });
export const ZSetActive = z.object({ userId: ZId, active: z.boolean() });
export const ZResetPassword = z.object({ userId: ZId, password: ZPassword });
export const ZUserId = z.object({ userId: ZId });
export const MAX_OPEN_CONVERSATIONS_LIMIT = 1000;
export const ZSetMaxOpenConversations = z.object({
  userId: ZId,
  maxOpenConversations: z
    .number({ error: says("maxOpenConversations", "wholeNumber") })
    .int(says("maxOpenConversations", "wholeNumber"))
    .min(0, says("maxOpenConversations", "zeroOrMoreAutoAssign"))
    .max(MAX_OPEN_CONVERSATIONS_LIMIT, says("maxOpenConversations", "atMostNumber", { max: MAX_OPEN_CONVERSATIONS_LIMIT })),
});
export const ZSetTwoFactorRequired = z.object({ required: z.boolean() });

export const ZCreateInbox = z.object({
  name: ZInboxName,
  phoneNumberId: ZPhoneNumberId,
  displayPhoneNumber: ZDisplayPhoneNumber.optional(),
  accessToken: secret("accessToken").optional(),
  appSecret: secret("appSecret").optional(),
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
  accessToken: secret("accessToken").nullable().optional(),
  appSecret: secret("appSecret").nullable().optional(),
  businessAccountId: ZBusinessAccountId.optional(),
  // Left out: kept as they are (a client from before these settings changes nothing).
  sendReadReceipts: z.boolean().optional(),
  sendTypingIndicator: z.boolean().optional(),
  autoAssign: z.boolean().optional(),
});
export const ZSetMembers = z.object({ inboxId: ZId, userIds: z.array(ZId).max(10_000) });
