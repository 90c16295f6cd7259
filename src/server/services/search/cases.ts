// What conversation search must do on every database: what a word, a prefix, a name or a number
// finds, in which order, and never across inboxes a user is not in. Run by search.test.ts (SQLite)
// and search.postgres.test.ts (PostgreSQL), each on a database of its own process; import this only
// once DATABASE_URL names it, since the client and the environment are read on first use.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TSearchResult } from "@/shared/search";
import { db } from "../../db/client";
import type { Provider } from "../../db/provider";
import { makeSortKey } from "../../messages/sort-key";
import { loadAccess } from "../access";
import { searchConversations, SEARCH_LIMIT } from ".";

type Access = Awaited<ReturnType<typeof loadAccess>>;

let inboxA: string;
let inboxB: string;
let admin: Access;
let agentOfA: Access;
let agentOfNone: Access;

let clock = Date.UTC(2026, 0, 1);
/** Each message a minute after the one before, unless told otherwise. */
const nextMinute = () => new Date((clock += 60_000));

async function createInbox(name: string): Promise<string> {
  const inbox = await db().transaction((tx) =>
    tx.inbox.create({ data: { id: randomUUID(), name, phoneNumberId: String(Math.floor(Math.random() * 1e15)) } }),
  );
  return inbox.id;
}

async function createUser(role: "admin" | "agent", inboxIds: string[]): Promise<Access> {
  const user = await db().transaction(async (tx) => {
    const created = await tx.user.create({
      data: { id: randomUUID(), email: `${randomUUID()}@example.com`, name: role, role, passwordHash: "-" },
    });
    for (const inboxId of inboxIds) await tx.inboxMember.create({ data: { inboxId, userId: created.id } });
    return created;
  });
  return loadAccess({ id: user.id, email: user.email, name: user.name, role });
}

async function createConversation(inboxId: string, contact: { name: string; waId?: string }): Promise<string> {
  return db().transaction(async (tx) => {
    const row = await tx.contact.create({
      data: { id: randomUUID(), inboxId, name: contact.name, waId: contact.waId ?? String(Math.floor(Math.random() * 1e13)) },
    });
    const conversation = await tx.conversation.create({
      data: { id: randomUUID(), inboxId, contactId: row.id, lastMessageAt: new Date(clock) },
    });
    return conversation.id;
  });
}

async function addMessage(
  conversationId: string,
  body: string,
  options: { direction?: "inbound" | "outbound" | "note"; at?: Date } = {},
): Promise<string> {
  const id = randomUUID();
  const at = options.at ?? nextMinute();
  const direction = options.direction ?? "inbound";
  const sortKey = makeSortKey(at, id);
  await db().transaction(async (tx) => {
    await tx.message.create({
      data: { id, conversationId, direction, type: "text", body, status: direction === "outbound" ? "sent" : "received", timestamp: at, sortKey },
    });
    await tx.conversation.update({
      where: { id: conversationId },
      data: { lastMessageAt: at, lastMessageKey: sortKey, lastPreview: body },
    });
  });
  return id;
}

const ids = (results: TSearchResult[]) => results.map((result) => result.conversation.id);
const highlighted = (result: TSearchResult | undefined) =>
  result?.match.kind === "message" ? result.match.snippet.filter((part) => part.match).map((part) => part.text) : [];
const snippetText = (result: TSearchResult | undefined) =>
  result?.match.kind === "message" ? result.match.snippet.map((part) => part.text).join("") : "";

/** Registers the suite in the calling test file, which has pointed DATABASE_URL at `provider`. */
export function searchBehaviour(provider: Provider): void {
  describe(`searchConversations on ${provider}`, () => {
    it("runs on the database it is named after", () => {
      expect(db().provider).toBe(provider);
    });

    beforeAll(async () => {
      inboxA = await createInbox("Sales");
      inboxB = await createInbox("Support");
      admin = await createUser("admin", []);
      agentOfA = await createUser("agent", [inboxA]);
      agentOfNone = await createUser("agent", []);
    });

    describe("message text", () => {
      it("finds every word of the search, each as a prefix, in any order, and marks them in the snippet", async () => {
        const conversation = await createConversation(inboxA, { name: "Priya Raman" });
        const messageId = await addMessage(conversation, "Could you check the delivery of my blue umbrella order please");
        await addMessage(conversation, "Thanks!");

        const [result, ...others] = await searchConversations(agentOfA, "umbrel deliv");
        expect(others).toEqual([]);
        expect(result?.conversation.id).toBe(conversation);
        expect(result?.match).toMatchObject({ kind: "message", messageId, direction: "inbound" });
        expect(highlighted(result)).toEqual(["delivery", "umbrella"]);
        expect(snippetText(result)).toContain("check the delivery of my blue umbrella order");

        expect(await searchConversations(agentOfA, "umbrella parasol")).toEqual([]);
        expect(await searchConversations(agentOfA, "brella")).toEqual([]); // prefixes, not any substring
      });

      it("ignores case and accents both ways", async () => {
        const conversation = await createConversation(inboxA, { name: "Jean Dupont" });
        await addMessage(conversation, "Le Crème Brûlée était parfaite");
        await addMessage(conversation, "merci pour le cafe");

        expect(highlighted((await searchConversations(agentOfA, "creme brulee"))[0])).toEqual(["Crème", "Brûlée"]);
        expect(highlighted((await searchConversations(agentOfA, "ÉTAIT"))[0])).toEqual(["était"]);
        expect(highlighted((await searchConversations(agentOfA, "café"))[0])).toEqual(["cafe"]);
      });

      it("takes quotes, stars, minus signs, NEAR, colons and parentheses as text, never as query syntax", async () => {
        const conversation = await createConversation(inboxA, { name: "Syntax Sam" });
        await addMessage(conversation, "Leave it near the doorway (the blue one), not the refund-desk: thanks");
        const found = async (query: string) => ids(await searchConversations(agentOfA, query)).includes(conversation);

        expect(await found("NEAR(the door")).toBe(true);
        expect(await found("-refund")).toBe(true);
        expect(await found('"blue one")')).toBe(true);
        expect(await found("desk:")).toBe(true);
        expect(await found("doorway*")).toBe(true);
        for (const query of ['"', '""', "*", "-", "(", ")", "AND", "OR NOT", "NEAR(a b, 2)", "^start", "body:x", "a\"b*c", "'; DROP TABLE \"Message\"; --"]) {
          await expect(searchConversations(agentOfA, query), query).resolves.toBeInstanceOf(Array);
        }
        expect(await db().read.message.count()).toBeGreaterThan(0);
      });

      it("shows a long message's words around the match, with … where the message goes on", async () => {
        const conversation = await createConversation(inboxA, { name: "Long Lou" });
        const words = Array.from({ length: 30 }, (_, index) => `word${index}`);
        words[20] = "Hippopotamus";
        await addMessage(conversation, words.join(" "));

        const [result] = await searchConversations(agentOfA, "hippo");
        expect(highlighted(result)).toEqual(["Hippopotamus"]);
        expect(snippetText(result)).toMatch(/^…word\d+ .* word\d+…$/);
        expect(snippetText(result).split(" ")).toHaveLength(12);
      });

      it("finds the team's notes as well as the customer's messages", async () => {
        const conversation = await createConversation(inboxA, { name: "Noted Nora" });
        await addMessage(conversation, "Hello, any news?");
        const noteId = await addMessage(conversation, "Escalated to the warehouse lead, call back Friday", { direction: "note" });

        const [result] = await searchConversations(agentOfA, "warehouse friday");
        expect(result?.conversation.id).toBe(conversation);
        expect(result?.match).toMatchObject({ kind: "message", messageId: noteId, direction: "note" });
      });
    });

    describe("contacts", () => {
      it("finds a contact by any part of their name, in any case, accented letters too", async () => {
        const conversation = await createConversation(inboxA, { name: "Élodie Marchand" });
        for (const query of ["élodie", "elodie", "ÉLODIE", "odie marc", "MARCHAND"]) {
          const [result] = await searchConversations(agentOfA, query);
          expect(result, query).toMatchObject({ conversation: { id: conversation }, match: { kind: "contact", field: "name" } });
        }
        expect(ids(await searchConversations(agentOfA, "Elodie*"))).not.toContain(conversation); // `*` is a character here
      });

      it("takes % and _ in a name search as characters, not as wildcards", async () => {
        const conversation = await createConversation(inboxA, { name: "Tomxkat 50%" });
        expect(ids(await searchConversations(agentOfA, "50%"))).toContain(conversation);
        expect(ids(await searchConversations(agentOfA, "m_k"))).not.toContain(conversation);
        expect(ids(await searchConversations(agentOfA, "m%t"))).not.toContain(conversation);
      });

      it("finds a contact by their number written with +, spaces, dashes or parentheses", async () => {
        const conversation = await createConversation(inboxA, { name: "Numbered Ned", waId: "4915123456789" });
        for (const query of ["+49 151 2345", "49-151-23456789", "(151) 234-5678", "23456789"]) {
          const [result] = await searchConversations(agentOfA, query);
          expect(result, query).toMatchObject({ conversation: { id: conversation }, match: { kind: "contact", field: "number" } });
        }
        expect(ids(await searchConversations(agentOfA, "+49 999"))).not.toContain(conversation);
      });

      it("finds a contact by the team's note and by an attribute's value, ignoring case and accents, and says which", async () => {
        const conversation = await createConversation(inboxA, { name: "Annotated Anouk" });
        const contactId = (await db().read.conversation.findUniqueOrThrow({ where: { id: conversation } })).contactId;
        await db().transaction(async (tx) => {
          await tx.contact.update({ where: { id: contactId }, data: { note: "Prefers a call after 17:00; wholesale café owner" } });
          await tx.contactAttribute.create({ data: { contactId, key: "Order number", value: "ZX-99812" } });
          await tx.contactAttribute.create({ data: { contactId, key: "Plan", value: "Gold" } });
        });
        expect((await searchConversations(agentOfA, "zx-998"))[0]).toMatchObject({
          conversation: { id: conversation },
          match: { kind: "contact", field: "attribute", text: "Order number: ZX-99812" },
        });
        expect((await searchConversations(agentOfA, "WHOLESALE CAFE"))[0]).toMatchObject({
          conversation: { id: conversation },
          match: { kind: "contact", field: "note", text: "Prefers a call after 17:00; wholesale café owner" },
        });
        // Only values are searched: an attribute's key alone finds nobody by it.
        expect(ids(await searchConversations(agentOfA, "order number"))).not.toContain(conversation);
        expect(ids(await searchConversations(agentOfNone, "zx-998"))).not.toContain(conversation);
      });
    });

    describe("order and limits", () => {
      it("puts contact matches first, then conversations by their newest matching message", async () => {
        const older = await createConversation(inboxA, { name: "Olive Older" });
        const newer = await createConversation(inboxA, { name: "Nina Newer" });
        const byName = await createConversation(inboxA, { name: "Kiwi Kitchen" });
        await addMessage(byName, "hello there");
        const olderFirst = await addMessage(older, "my kiwis arrived bruised");
        await addMessage(newer, "do you sell kiwi jam?");
        const olderLatest = await addMessage(older, "about the kiwi order again");
        await addMessage(newer, "never mind, found it");

        const results = await searchConversations(agentOfA, "kiwi");
        expect(ids(results)).toEqual([byName, older, newer]);
        expect(results[0]?.match).toEqual({ kind: "contact", field: "name" });
        expect(results[1]?.match).toMatchObject({ kind: "message", messageId: olderLatest });
        expect(results[1]?.match).not.toMatchObject({ messageId: olderFirst });
      });

      it("orders by when a message was sent, not when it arrived", async () => {
        const late = await createConversation(inboxA, { name: "Late Arrival" });
        const recent = await createConversation(inboxA, { name: "Recent Sender" });
        await addMessage(recent, "zeppelin tickets booked", { at: new Date(clock + 60_000) });
        // Delivered after the other, but sent an hour earlier (WhatsApp retried the webhook).
        await addMessage(late, "zeppelin tour question", { at: new Date(clock - 3_600_000) });
        expect(ids(await searchConversations(agentOfA, "zeppelin"))).toEqual([recent, late]);
      });

      it(`returns at most ${SEARCH_LIMIT} conversations`, async () => {
        for (let index = 0; index < SEARCH_LIMIT + 5; index++) {
          await addMessage(await createConversation(inboxA, { name: `Crowd ${index}` }), "quokka sighting report");
        }
        expect(await searchConversations(agentOfA, "quokka")).toHaveLength(SEARCH_LIMIT);
      });
    });

    describe("who may see what", () => {
      it("never shows an agent a conversation of an inbox they are not in; admins see every inbox", async () => {
        const visible = await createConversation(inboxA, { name: "Visible Vera", waId: "447700900111" });
        const hidden = await createConversation(inboxB, { name: "Hidden Harold", waId: "447700900222" });
        const hiddenByText = await createConversation(inboxB, { name: "Other Otto" });
        await addMessage(visible, "the platypus invoice");
        await addMessage(hidden, "the platypus invoice");
        await addMessage(hiddenByText, "platypus refund", { direction: "note" });

        expect(ids(await searchConversations(agentOfA, "platypus"))).toEqual([visible]);
        expect(ids(await searchConversations(agentOfA, "Harold"))).toEqual([]);
        expect(ids(await searchConversations(agentOfA, "+44 7700 900"))).toEqual([visible]);
        expect(await searchConversations(agentOfNone, "platypus")).toEqual([]);
        expect(new Set(ids(await searchConversations(admin, "platypus")))).toEqual(new Set([visible, hidden, hiddenByText]));
      });

      it("does not let hidden matches use up an agent's results", async () => {
        const hiddenMany: string[] = [];
        for (let index = 0; index < SEARCH_LIMIT; index++) {
          hiddenMany.push(await createConversation(inboxB, { name: `Wombat Fan ${index}` }));
          await addMessage(hiddenMany[index]!, "wombat wednesday");
        }
        const mine = await createConversation(inboxA, { name: "Agent's Customer" });
        await addMessage(mine, "wombat wednesday", { at: new Date(Date.UTC(2020, 0, 1)) });
        expect(ids(await searchConversations(agentOfA, "wombat"))).toEqual([mine]);
      });
    });
  });
}
