// The fake Graph API's message templates: GET /{waba-id}/message_templates, paged the way the
// Graph API pages (`limit`, then `paging.cursors.after` and `paging.next` while more follow). It
// starts with the templates of testing/fixtures/whatsapp/templates-list.json; tests change the list.
import fs from "node:fs";
import path from "node:path";

export type FakeTemplate = Record<string, unknown> & { name: string; language: string; status: string };

export function fixtureTemplates(): FakeTemplate[] {
  const file = path.resolve(import.meta.dirname, "fixtures/whatsapp/templates-list.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { data: FakeTemplate[] }).data;
}

/** One page of `templates` as the request `url` asks for it; `pageUrl` is where the request went. */
export function templatesPage(templates: readonly FakeTemplate[], url: URL, pageUrl: string) {
  const limit = Math.max(1, Math.min(Number(url.searchParams.get("limit") ?? "25") || 25, 100));
  const after = url.searchParams.get("after");
  const start = after ? Number(Buffer.from(after, "base64url").toString()) : 0;
  const data = templates.slice(start, start + limit);
  const end = start + data.length;
  const cursor = (index: number) => Buffer.from(String(index)).toString("base64url");
  const next = new URL(pageUrl);
  next.search = url.search;
  next.searchParams.set("after", cursor(end));
  return {
    data,
    paging: { cursors: { before: cursor(start), after: cursor(end) }, ...(end < templates.length ? { next: next.toString() } : {}) },
  };
}
