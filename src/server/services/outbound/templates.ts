// Message templates for the composer: the approved ones of a conversation's inbox, read from
// WhatsApp the first time anyone asks and again on "Refresh templates"; and sending one, through
// the same durable outbox as a text reply (queue.ts: idempotent by the client-made id, retried, ticked).
import { db } from "../../db/client";
import { templateDetails } from "../../outbox/template-body";
import { TemplateFetchError } from "../../templates/graph-templates";
import { refreshInboxTemplates, templatesUnavailableReason } from "../../templates/refresh";
import { toSendableTemplate } from "../../templates/sendable";
import { findStoredTemplate, storedTemplates } from "../../templates/store";
import type { TMessage } from "@/shared/dto";
import { fieldProblem, fillTemplate, valuesFor, type TSendTemplate, type TTemplate } from "@/shared/templates";
import { findVisibleConversation, type Access } from "../access";
import { InvalidRequestError, NotFoundError } from "../errors";
import { queueOutbound } from "./queue";
import { encodeText, said, type ServerText } from "@/shared/server-text";

export interface TemplateList {
  templates: TTemplate[];
  /** Why the list may be empty or old (no business account, WhatsApp unreachable…), or null. */
  problem: ServerText | null;
}

async function visibleInbox(access: Access, conversationId: string) {
  const conversation = await findVisibleConversation(access, conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  const inbox = await db().read.inbox.findUniqueOrThrow({ where: { id: conversation.inboxId } });
  return { conversation, inbox };
}

async function approved(inboxId: string): Promise<TTemplate[]> {
  return (await storedTemplates(inboxId)).map(toSendableTemplate).filter((template) => template !== null);
}

/** The templates an agent can send in this conversation; `refresh` reads them from WhatsApp first. */
export async function listTemplates(access: Access, conversationId: string, refresh = false): Promise<TemplateList> {
  const { inbox } = await visibleInbox(access, conversationId);
  const unavailable = templatesUnavailableReason(inbox);
  if (unavailable) return { templates: [], problem: unavailable };
  let problem: ServerText | null = null;
  if (refresh || !inbox.templatesFetchedAt) {
    try {
      await refreshInboxTemplates(inbox.id);
    } catch (error) {
      if (!(error instanceof TemplateFetchError)) throw error;
      problem = error.text;
    }
  }
  return { templates: await approved(inbox.id), problem };
}

/** Queues a template message; the same `id` again returns the message stored the first time. */
export async function sendTemplate(access: Access, input: TSendTemplate): Promise<TMessage> {
  const { conversation } = await visibleInbox(access, input.conversationId);
  return queueOutbound(access, conversation, input.id, async (tx) => {
    const stored = await findStoredTemplate(tx, conversation.inboxId, input.name, input.language);
    const template = stored && toSendableTemplate(stored);
    if (!template) throw new InvalidRequestError(said("templateNotApproved"));
    const count = template.fields.length;
    if (input.parameters.length !== count) throw new InvalidRequestError(said("templateFieldCount", { count }));
    template.fields.forEach((field, index) => {
      const problem = fieldProblem(field, input.parameters[index] ?? "");
      if (problem) throw new InvalidRequestError(said("labelled", { label: encodeText(field.label), problem: encodeText(problem) }));
    });
    const body = fillTemplate(template.body, valuesFor(template, input.parameters, "body"));
    return { type: "template", body, details: JSON.stringify(templateDetails(template, input.parameters)) };
  });
}
