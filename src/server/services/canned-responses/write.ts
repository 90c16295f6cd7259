// Saving and removing canned responses. Each write records who must reload their lists in the same
// transaction (./scope.ts). A shortcut is unique where it is offered: checked first for a clear
// message, and by the unique index for two saves racing each other.
import { randomUUID } from "node:crypto";
import { writeWithEvents } from "../../events/log";
import type { TCannedResponse } from "@/shared/canned-responses";
import { isUniqueViolation } from "../admin/unique";
import { ConflictError, InvalidRequestError, NotFoundError } from "../errors";
import { toCannedResponse, withInboxName } from "./dto";
import { recordChanged, scopeKey, type Placement } from "./scope";
import { said, saidOf } from "@/shared/server-text";

export interface CannedInput {
  shortcut: string;
  body: string;
}

const isRecordMissing = (error: unknown) => typeof error === "object" && error !== null && "code" in error && error.code === "P2025";

const taken = (shortcut: string) => new ConflictError(saidOf("shortcut", "shortcutTaken", { shortcut }));

/**
 * Creates (no `id`) or replaces the response `id`, which must be `current` (the caller found it
 * with the rights it needs). `placement` is where it goes: a shared one may move between inboxes.
 */
export async function saveCannedResponse(input: CannedInput & { id?: string }, placement: Placement, current?: Placement): Promise<TCannedResponse> {
  const scope = scopeKey(placement);
  try {
    return await writeWithEvents(async (tx, record) => {
      if (placement.inboxId !== null && !(await tx.inbox.findUnique({ where: { id: placement.inboxId }, select: { id: true } }))) {
        throw new InvalidRequestError(saidOf("inbox", "inboxGone"));
      }
      const clash = await tx.cannedResponse.findUnique({ where: { scope_shortcut: { scope, shortcut: input.shortcut } }, select: { id: true } });
      if (clash && clash.id !== input.id) throw taken(input.shortcut);
      const data = { scope, shortcut: input.shortcut, body: input.body, inboxId: placement.inboxId, ownerId: placement.ownerId };
      const row = input.id
        ? await tx.cannedResponse.update({ where: { id: input.id }, data, include: withInboxName })
        : await tx.cannedResponse.create({ data: { id: randomUUID(), ...data }, include: withInboxName });
      await recordChanged(record, placement);
      // Moved to another inbox (or to everyone): those who could use it before are told too.
      if (current && scopeKey(current) !== scope) await recordChanged(record, current);
      return toCannedResponse(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.shortcut);
    // Deleted between the caller finding it and this update.
    if (isRecordMissing(error)) throw new NotFoundError(said("cannedNotFound"));
    throw error;
  }
}

/** Deletes the response `id`, found by the caller at `placement`; gone already is "not found". */
export async function deleteCannedResponse(id: string, placement: Placement): Promise<void> {
  await writeWithEvents(async (tx, record) => {
    const { count } = await tx.cannedResponse.deleteMany({ where: { id } });
    if (count === 0) throw new NotFoundError(said("cannedNotFound"));
    await recordChanged(record, placement);
  });
}
