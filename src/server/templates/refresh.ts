// Reading an inbox's templates from WhatsApp again: on demand ("Refresh templates"), the first time
// anyone asks for them, and when a status webhook names a template we do not have yet.
import { db } from "../db/client";
import { logger } from "../logger";
import { graphTarget } from "../whatsapp/graph-target";
import { businessAccountIdOf } from "./business-account";
import { fetchTemplates, TemplateFetchError } from "./graph-templates";
import { replaceTemplates } from "./store";
import { said, type ServerText } from "@/shared/server-text";

/** Why an inbox has no templates to offer, in words for the agent; null when it can have some. */
export function templatesUnavailableReason(inbox: { businessAccountId: string | null; phoneNumberId: string; accessToken: string | null }): ServerText | null {
  if (!businessAccountIdOf(inbox)) return said("templatesNoBusinessAccount");
  if (!graphTarget(inbox)) return said("templatesNotConfigured");
  return null;
}

/** Reads the inbox's templates from the Graph API and stores them; throws TemplateFetchError. */
export async function refreshInboxTemplates(inboxId: string): Promise<void> {
  const inbox = await db().read.inbox.findUnique({ where: { id: inboxId } });
  if (!inbox) return;
  const businessAccountId = businessAccountIdOf(inbox);
  const target = graphTarget(inbox);
  if (!businessAccountId || !target) throw new TemplateFetchError(templatesUnavailableReason(inbox) ?? said("templatesNotConfigured"));
  const templates = await fetchTemplates(target, businessAccountId);
  await replaceTemplates(inboxId, templates);
  logger.info("message templates refreshed", { inboxId, templates: templates.length });
}

/** The same, in the background: a failure is logged, and the next refresh tries again. */
export function refreshInBackground(inboxId: string): void {
  refreshInboxTemplates(inboxId).catch((error: unknown) => logger.warn("refreshing message templates failed", { inboxId, error: String(error) }));
}
