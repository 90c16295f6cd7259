import { describe, expect, it } from "vitest";
import type { TContactPanel, TContactProfile } from "@/shared/contacts";
import type { TConversationListItem } from "@/shared/dto";
import { applyContactToPanel, renameInList, renameInSummary } from "./apply-contact";

const profile = (change: Partial<TContactProfile> = {}): TContactProfile => ({
  id: "k1",
  inboxId: "i1",
  name: "Ada Lovelace",
  waId: "15550001",
  note: "",
  attributes: [],
  revision: 1,
  ...change,
});

const item = (id: string, contactId: string, name: string): TConversationListItem => ({
  id,
  inboxId: "i1",
  contact: { id: contactId, name, waId: "15550001" },
  status: "open",
  assigneeId: null,
  revision: 0,
  lastMessageAt: "2026-01-01T10:00:00.000Z",
  lastPreview: "hi",
  lastPreviewType: "text",
  lastInboundAt: null,
  lastMessageKey: id,
  labelIds: [],
  unreadCount: 2,
});

describe("renameInList / renameInSummary", () => {
  it("renames the contact's conversation only, keeping everything else", () => {
    const list = [item("c2", "k2", "Grace"), item("c1", "k1", "Ada Lovelace")];
    const renamed = renameInList(list, profile({ name: "Ada King" }));
    expect(renamed.map((entry) => entry.contact.name)).toEqual(["Grace", "Ada King"]);
    expect(renamed[0]).toBe(list[0]);
    expect(renamed[1]).toMatchObject({ unreadCount: 2, lastPreview: "hi" });
  });

  it("returns the same list or summary when nothing changes (a replayed event)", () => {
    const list = [item("c1", "k1", "Ada Lovelace")];
    expect(renameInList(list, profile())).toBe(list);
    expect(renameInSummary(list[0]!, profile({ id: "k9", name: "Other" }))).toBe(list[0]);
  });
});

describe("applyContactToPanel", () => {
  const panel: TContactPanel = { contact: profile({ revision: 3, note: "newer" }), firstWroteAt: null, otherConversations: [] };

  it("takes a newer copy and keeps the reader's own parts of the panel", () => {
    const next = applyContactToPanel(panel, profile({ revision: 4, attributes: [{ key: "Plan", value: "Gold" }] }));
    expect(next.contact.attributes).toEqual([{ key: "Plan", value: "Gold" }]);
    expect(next.otherConversations).toBe(panel.otherConversations);
  });

  it("ignores an older or equal copy, and another contact's", () => {
    expect(applyContactToPanel(panel, profile({ revision: 2, note: "older" }))).toBe(panel);
    expect(applyContactToPanel(panel, profile({ revision: 3, note: "same" }))).toBe(panel);
    expect(applyContactToPanel(panel, profile({ id: "k2", revision: 9 }))).toBe(panel);
  });
});
