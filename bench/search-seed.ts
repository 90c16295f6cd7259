// A shop's support history for the search benchmark: contacts with names from many languages and
// numbers from several countries, and conversations of customer messages, replies and notes.
// Generated once, then written to each database under test, so SQLite and PostgreSQL search the
// same rows. Written straight through the drivers (the webhook path would take minutes for 100,000
// messages), in arrival order like the webhook stores them; SQLite's triggers and indexer and
// PostgreSQL's index take the text exactly as they do for the server's own inserts. The text is
// deterministic: the same seed gives the same messages, so runs compare.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { openDirectWriter } from "../src/server/db/direct-writer";
import { sqliteFilePath } from "../src/server/db/paths";
import { indexNotedMessages } from "../src/server/services/search/message-index";

const FIRST = ["Maria", "José", "Élodie", "Jürgen", "Aisha", "Chen", "Priya", "Olga", "Kwame", "Sofía", "Liam", "Noor", "Hiroshi", "Fatima", "Lars", "Ana", "Mateo", "Zoë", "Ibrahim", "Grace", "Søren", "Amara", "Dmitri", "Lucía", "Tomasz", "Mei", "Oluwaseun", "Camille", "Rafael", "Ingrid"];
const LAST = ["García", "Müller", "Dubois", "Okafor", "Nguyen", "Kowalski", "Rossi", "Haddad", "Tanaka", "Silva", "Johansson", "Patel", "O'Brien", "Novak", "Mensah", "Fernández", "Schmidt", "Kim", "Andersen", "Costa", "Ivanova", "Moreau", "Yılmaz", "Hughes", "Zhang"];
const COUNTRY_PREFIXES = ["49151", "4477009", "3361", "5511", "2348", "9198", "1555", "3466", "81901", "27821"];

const OPENERS = ["Hi", "Hello", "Good morning", "Hey there", "Bonjour", "Hola", "Thanks for getting back to me", "Sorry to bother you again"];
const CUSTOMER = [
  "where is my order {order}? it was supposed to arrive {day}",
  "the {product} I received is damaged, can I get a refund?",
  "can you send me the tracking number for order {order}",
  "I would like to change the delivery address to {street}",
  "is the {product} available in {colour}?",
  "my payment went through twice for order {order}, please check",
  "the courier left the parcel at the wrong door on {street}",
  "do you ship to {city}? and how long does delivery take",
  "I want to return the {product}, it is too small",
  "the invoice for order {order} is missing the VAT number",
  "can I pick up the {product} from your store in {city} on {day}",
  "still waiting for an answer about my refund 😕",
];
const AGENT = [
  "Thanks for your message! Let me check order {order} for you.",
  "I'm sorry about the {product}. I've started a refund, it takes 3-5 business days.",
  "Your tracking number is {tracking}, the courier expects delivery {day}.",
  "We do ship to {city}; standard delivery takes two to four days.",
  "The {product} is back in stock in {colour} next week.",
  "I've updated the delivery address to {street}.",
  "Could you send a photo of the damaged {product} please?",
  "Your return label for the {product} is on its way by email.",
];
const NOTES = [
  "Customer called twice about order {order}, escalate to the warehouse lead",
  "VIP customer, handle with care; offered free shipping on the next {product}",
  "Refund approved by finance, waiting for the courier to confirm the return",
  "Possible fraud: payment disputed for order {order}, do not ship",
];
const PRODUCTS = ["umbrella", "backpack", "kettle", "headphones", "yoga mat", "coffee grinder", "desk lamp", "raincoat", "blender", "sneakers", "water bottle", "phone case"];
const COLOURS = ["navy blue", "forest green", "charcoal", "mustard yellow", "burgundy", "sand beige"];
const CITIES = ["Lisbon", "Kraków", "São Paulo", "Lagos", "Mumbai", "Zürich", "Osaka", "Montréal", "Nairobi", "Reykjavík"];
const DAYS = ["on Monday", "on Tuesday", "yesterday", "last week", "before the weekend", "on Friday"];
const STREETS = ["Rua Augusta 12", "Hauptstraße 5", "12 Baker Street", "Calle Mayor 3", "Via Roma 44", "Kungsgatan 8"];
/** Rare on purpose: each appears in a handful of messages, to time a search with few hits. */
export const RARE_WORDS = ["kaleidoscope", "zeppelin", "quokka", "marzipan", "obsidian", "tambourine", "pistachio", "axolotl"];

/** A small seeded PRNG (mulberry32): the same data every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  conversations: number;
  messages: number;
  /** Conversations go round-robin to this many inboxes; the first is the benchmark agent's. */
  inboxes: number;
  /** How far back the history goes (180 days unless given); conversations start in all but its last 30. */
  days?: number;
}

export interface Seeded {
  inboxIds: string[];
  agentId: string;
  adminId: string;
}

/** The rows of the history, columns as in the schema; conversations carry their newest message. */
export interface SearchData extends Seeded {
  contacts: { id: string; inboxId: string; waId: string; name: string }[];
  conversations: { id: string; inboxId: string; contactId: string; lastMessageAt: Date; lastPreview: string; lastMessageKey: string; inboundCount: number }[];
  /** In arrival order. */
  messages: { id: string; conversationId: string; direction: string; body: string; status: string; timestamp: Date; sortKey: string }[];
}

export function generateSearchData(options: SeedOptions): SearchData {
  const next = random(20260101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const fill = (template: string) =>
    template
      .replace("{order}", `#${100000 + Math.floor(next() * 900000)}`)
      .replace("{product}", pick(PRODUCTS))
      .replace("{colour}", pick(COLOURS))
      .replace("{city}", pick(CITIES))
      .replace("{day}", pick(DAYS))
      .replace("{street}", pick(STREETS))
      .replace("{tracking}", `TRK${Math.floor(next() * 1e9)}`);

  const inboxIds = Array.from({ length: options.inboxes }, () => randomUUID());
  const now = Date.UTC(2026, 5, 1);
  const days = options.days ?? 180;
  const start = now - days * 24 * 3600_000;
  const perConversation = Math.floor(options.messages / options.conversations);
  const data: SearchData = { inboxIds, adminId: randomUUID(), agentId: randomUUID(), contacts: [], conversations: [], messages: [] };

  const drafts: { id: string; conversationId: string; direction: string; body: string; time: number }[] = [];
  for (let index = 0; index < options.conversations; index++) {
    const contactId = randomUUID();
    const conversationId = randomUUID();
    const waId = `${pick(COUNTRY_PREFIXES)}${String(Math.floor(next() * 1e7)).padStart(7, "0")}${index}`;
    const inboxId = inboxIds[index % inboxIds.length]!;
    data.contacts.push({ id: contactId, inboxId, waId, name: `${pick(FIRST)} ${pick(LAST)}` });
    data.conversations.push({ id: conversationId, inboxId, contactId, lastMessageAt: new Date(start), lastPreview: "", lastMessageKey: "", inboundCount: 0 });
    const count = index < options.messages % options.conversations ? perConversation + 1 : perConversation;
    let time = start + Math.floor(next() * (days - 30) * 24 * 3600_000);
    for (let position = 0; position < count; position++) {
      time += Math.floor(next() * 6 * 3600_000);
      const roll = next();
      const direction = roll < 0.05 ? "note" : roll < 0.45 ? "outbound" : "inbound";
      let body = direction === "note" ? fill(pick(NOTES)) : direction === "outbound" ? fill(pick(AGENT)) : `${pick(OPENERS)}, ${fill(pick(CUSTOMER))}`;
      if (next() < 0.0004) body += ` (the ${pick(RARE_WORDS)} one)`;
      drafts.push({ id: randomUUID(), conversationId, direction, body, time });
    }
  }
  // Stored in the order they arrive, as the webhook stores them: SQLite's index rowids follow time.
  drafts.sort((a, b) => a.time - b.time);
  const conversationById = new Map(data.conversations.map((conversation) => [conversation.id, conversation]));
  let arrival = 0;
  for (const draft of drafts) {
    // A webhook arrives up to a few seconds after the message was sent.
    arrival = Math.max(arrival + 1, (draft.time + Math.floor(next() * 5000)) * 1000);
    const sortKey = `${String(Math.floor(draft.time / 1000)).padStart(12, "0")}.${String(arrival).padStart(18, "0")}.${draft.id}`;
    const timestamp = new Date(draft.time);
    const status = draft.direction === "outbound" ? "read" : "received";
    data.messages.push({ id: draft.id, conversationId: draft.conversationId, direction: draft.direction, body: draft.body, status, timestamp, sortKey });
    const conversation = conversationById.get(draft.conversationId)!;
    Object.assign(conversation, { lastMessageAt: timestamp, lastPreview: draft.body, lastMessageKey: sortKey });
    if (draft.direction === "inbound") conversation.inboundCount++;
  }
  return data;
}

/** The way the SQLite adapter writes a DateTime, so Prisma reads the seeded rows back as its own. */
const sqliteTime = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** Writes the history into a migrated SQLite file, in one transaction, then indexes it for search as the server does. */
export async function seedSqlite(databaseUrl: string, data: SearchData): Promise<void> {
  const sqlite = new Database(sqliteFilePath(databaseUrl));
  const insertInbox = sqlite.prepare(`INSERT INTO "Inbox" ("id", "name", "phoneNumberId") VALUES (?, ?, ?)`);
  const insertUser = sqlite.prepare(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "role") VALUES (?, ?, ?, '-', ?)`);
  const insertMember = sqlite.prepare(`INSERT INTO "InboxMember" ("inboxId", "userId") VALUES (?, ?)`);
  const insertContact = sqlite.prepare(`INSERT INTO "Contact" ("id", "inboxId", "waId", "name") VALUES (?, ?, ?, ?)`);
  const insertConversation = sqlite.prepare(
    `INSERT INTO "Conversation" ("id", "inboxId", "contactId", "lastMessageAt", "lastPreview", "lastMessageKey", "inboundCount") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMessage = sqlite.prepare(
    `INSERT INTO "Message" ("id", "conversationId", "direction", "type", "body", "status", "timestamp", "sortKey") VALUES (?, ?, ?, 'text', ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    data.inboxIds.forEach((id, index) => insertInbox.run(id, inboxName(index), inboxNumber(index)));
    insertUser.run(data.adminId, "bench-admin@example.com", "Bench Admin", "admin");
    insertUser.run(data.agentId, "bench-agent@example.com", "Bench Agent", "agent");
    insertMember.run(data.inboxIds[0], data.agentId);
    for (const contact of data.contacts) insertContact.run(contact.id, contact.inboxId, contact.waId, contact.name);
    for (const row of data.conversations) {
      insertConversation.run(row.id, row.inboxId, row.contactId, sqliteTime(row.lastMessageAt), row.lastPreview, row.lastMessageKey, row.inboundCount);
    }
    for (const row of data.messages) {
      insertMessage.run(row.id, row.conversationId, row.direction, row.body, row.status, sqliteTime(row.timestamp), row.sortKey);
    }
  })();
  sqlite.close();
  const writer = openDirectWriter(sqliteFilePath(databaseUrl));
  try {
    await indexNotedMessages(writer);
  } finally {
    writer.close();
  }
}

export const inboxName = (index: number) => `Inbox ${index + 1}`;
export const inboxNumber = (index: number) => String(300000000000000 + index);
