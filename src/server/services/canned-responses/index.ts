// Canned responses (issue 13): saved replies inserted by typing "/" in the composer. Admins keep
// shared ones, for everyone or for one inbox; anyone keeps their own. What a user may see is
// decided here, from the same Access as conversations (services/access.ts).
import { db } from "../../db/client";
import type { TCannedResponse } from "@/shared/canned-responses";
import { findVisibleConversation, type Access } from "../access";
import { NotFoundError } from "../errors";
import { toCannedResponse, withInboxName } from "./dto";
import type { TCreateOwn, TCreateShared, TUpdateOwn, TUpdateShared } from "./input";
import { offeredIn, visibleCannedResponses, type Placement } from "./scope";
import { deleteCannedResponse, saveCannedResponse } from "./write";
import { said } from "@/shared/server-text";

const order = [{ shortcut: "asc" }, { scope: "asc" }] as const;

/** Every response the user may see: shared ones of the inboxes they see, and their own. */
export async function listCannedResponses(access: Access): Promise<TCannedResponse[]> {
  const rows = await db().read.cannedResponse.findMany({ where: visibleCannedResponses(access), include: withInboxName, orderBy: [...order] });
  return rows.map(toCannedResponse);
}

export interface ConversationCannedResponses {
  responses: TCannedResponse[];
  /** What the placeholders are filled with in this conversation (src/shared/canned-responses.ts). */
  values: { contactName: string; agentName: string; inboxName: string };
}

/** The responses offered in one conversation, with the values of its placeholders. */
export async function cannedResponsesFor(access: Access, agentName: string, conversationId: string): Promise<ConversationCannedResponses> {
  const conversation = await findVisibleConversation(access, conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  const [rows, inbox] = await Promise.all([
    db().read.cannedResponse.findMany({ where: offeredIn(conversation.inboxId, access.userId), include: withInboxName, orderBy: [...order] }),
    db().read.inbox.findUniqueOrThrow({ where: { id: conversation.inboxId }, select: { name: true } }),
  ]);
  return { responses: rows.map(toCannedResponse), values: { contactName: conversation.contact.name, agentName, inboxName: inbox.name } };
}

/** A response the caller may change: their own (`ownerId`), or a shared one (`ownerId` null, admins). */
async function findPlaced(id: string, ownerId: string | null): Promise<Placement> {
  const row = await db().read.cannedResponse.findFirst({ where: { id, ownerId }, select: { inboxId: true, ownerId: true } });
  // Someone else's, or shared when one's own was asked for: never told apart from missing.
  if (!row) throw new NotFoundError(said("cannedNotFound"));
  return row;
}

export const createOwn = (access: Access, input: TCreateOwn) => saveCannedResponse(input, { inboxId: null, ownerId: access.userId });

export async function updateOwn(access: Access, input: TUpdateOwn) {
  const current = await findPlaced(input.id, access.userId);
  return saveCannedResponse(input, current, current);
}

export async function deleteOwn(access: Access, id: string) {
  await deleteCannedResponse(id, await findPlaced(id, access.userId));
}

export const createShared = (input: TCreateShared) => saveCannedResponse(input, { inboxId: input.inboxId, ownerId: null });

export async function updateShared(input: TUpdateShared) {
  const current = await findPlaced(input.id, null);
  return saveCannedResponse(input, { inboxId: input.inboxId, ownerId: null }, current);
}

export async function deleteShared(id: string) {
  await deleteCannedResponse(id, await findPlaced(id, null));
}
