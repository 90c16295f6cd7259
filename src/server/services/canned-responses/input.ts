// What the canned-response procedures accept. Messages are named after the forms' labels
// ("Shortcut: …"), and the first problem is answered as one sentence (admin/input.ts's plainParser).
import { z } from "zod";
import { ZCannedBody, ZShortcut } from "@/shared/canned-responses";

const ZId = z.string().min(1).max(100);
// null: for everyone; otherwise the one inbox whose conversations offer it.
const ZInboxChoice = ZId.nullable();

export const ZCreateOwn = z.object({ shortcut: ZShortcut, body: ZCannedBody });
export const ZUpdateOwn = ZCreateOwn.extend({ id: ZId });
export const ZCreateShared = ZCreateOwn.extend({ inboxId: ZInboxChoice });
export const ZUpdateShared = ZCreateShared.extend({ id: ZId });
export const ZCannedId = z.object({ id: ZId });
export const ZForConversation = z.object({ conversationId: ZId });

export type TCreateOwn = z.infer<typeof ZCreateOwn>;
export type TUpdateOwn = z.infer<typeof ZUpdateOwn>;
export type TCreateShared = z.infer<typeof ZCreateShared>;
export type TUpdateShared = z.infer<typeof ZUpdateShared>;
