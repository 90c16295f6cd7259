// Reads a WhatsApp Business Account's message templates from the Graph API
// (GET /<WABA_ID>/message_templates), every page of them. The answers are checked with zod: a
// template we cannot make sense of is left out, never guessed at.
import { z } from "zod";
import { describeGraphError } from "../outbox/cloud-api";
import type { GraphTarget } from "../whatsapp/graph-target";
import { said } from "@/shared/server-text";
import { TextError } from "../services/errors";

const ZComponent = z.looseObject({
  type: z.string().max(40),
  format: z.string().max(40).optional(),
  text: z.string().max(4096).optional(),
});
export type TGraphComponent = z.infer<typeof ZComponent>;

export const ZGraphTemplate = z.looseObject({
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(20),
  category: z.string().max(40).default("UTILITY"),
  status: z.string().min(1).max(40),
  components: z.array(ZComponent).max(20).default([]),
});
export type TGraphTemplate = z.infer<typeof ZGraphTemplate>;

const ZPage = z.looseObject({
  // Each entry on its own: one odd template must not hide the rest.
  data: z.array(z.unknown()),
  paging: z
    .looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() })
    .optional(),
});

const FIELDS = "name,language,category,status,components";
const PAGE_SIZE = 100;
/** A business account has at most a few hundred templates; past this, something loops. */
const MAX_PAGES = 50;

/** The Graph API did not give the list: `reason` is for the person who asked for it. */
export class TemplateFetchError extends TextError {}

async function getPage(target: GraphTarget, businessAccountId: string, after: string | undefined, timeoutMs: number) {
  const url = new URL(`${target.baseUrl}/${businessAccountId}/message_templates`);
  url.searchParams.set("fields", FIELDS);
  url.searchParams.set("limit", String(PAGE_SIZE));
  if (after) url.searchParams.set("after", after);
  let response: Response;
  let payload: unknown;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${target.accessToken}` }, signal: AbortSignal.timeout(timeoutMs) });
    payload = await response.json().catch(() => null);
  } catch (error) {
    throw new TemplateFetchError(said("templatesUnreachable", { name: error instanceof Error ? error.name : "error" }));
  }
  if (!response.ok) throw new TemplateFetchError(said("templatesNotListed", { reason: describeGraphError(response.status, payload).reason }));
  const page = ZPage.safeParse(payload);
  if (!page.success) throw new TemplateFetchError(said("templatesUnknownShape"));
  return page.data;
}

/**
 * Every template of the account. The next page is asked for by its `after` cursor on our own base
 * URL rather than by following `paging.next`: that URL carries no token of ours to anywhere else.
 */
export async function fetchTemplates(target: GraphTarget, businessAccountId: string, timeoutMs = 15_000): Promise<TGraphTemplate[]> {
  const templates: TGraphTemplate[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await getPage(target, businessAccountId, after, timeoutMs);
    for (const entry of page.data) {
      const template = ZGraphTemplate.safeParse(entry);
      if (template.success) templates.push(template.data);
    }
    after = page.paging?.cursors?.after;
    if (!page.paging?.next || !after || page.data.length === 0) return templates;
  }
  return templates;
}
