// The trigram index of contacts (migration 0023) against the contact search's own rule, on a
// migrated SQLite file: for every input character contact-index.ts lets through, the index finds
// every letter the rule's GLOB pattern matches — it may find more, never less — and the triggers
// keep it in step with the contacts' names, numbers, notes and attributes.
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../../../../testing/temp-db";
import { sqliteFilePath } from "../../db/paths";
import { contactIndexQuery } from "./contact-index";
import { foldingGlob, searchTerms } from "./terms";

const database = createTempDatabase();
const sqlite = new Database(sqliteFilePath(database.url));
sqlite.exec(`INSERT INTO "Inbox" ("id", "name", "phoneNumberId") VALUES ('i1', 'Support', '1')`);
afterAll(() => {
  sqlite.close();
  fs.rmSync(database.dir, { recursive: true, force: true });
});

let contacts = 0;
function addContact(name: string, number?: string): string {
  const id = `k${++contacts}`;
  const waId = number ?? `1555${String(contacts).padStart(8, "0")}`;
  sqlite.prepare(`INSERT INTO "Contact" ("id", "inboxId", "waId", "name") VALUES (?, 'i1', ?, ?)`).run(id, waId, name);
  return id;
}

const found = (input: string): string[] => {
  const query = contactIndexQuery(searchTerms(input));
  if (query === null) throw new Error(`the index is not used for ${JSON.stringify(input)}`);
  return sqlite.prepare(`SELECT "contactId" FROM "ContactSearch" WHERE "ContactSearch" MATCH ? ORDER BY "contactId"`).pluck().all(query) as string[];
};

/** The letters the rule's pattern for one character matches: its class, or the character itself. */
function ruleVariants(character: string): string[] {
  const pattern = foldingGlob(character).slice(1, -1);
  return pattern.startsWith("[") && pattern.length > 3 ? [...pattern.slice(1, -1)] : [character];
}

describe("the trigram index of contacts", () => {
  it("finds every letter the rule matches, for every character it is used for", () => {
    const accepted: string[] = [];
    for (let code = 0x20; code <= 0x24f; code++) {
      const character = String.fromCodePoint(code);
      if (contactIndexQuery({ name: `q${character}z`, digits: null }) !== null) accepted.push(character);
    }
    // Printable ASCII and the letters of Latin-1 and Latin Extended-A, less one.
    expect(accepted.length).toBeGreaterThan(95 + 150);
    const missed: string[] = [];
    for (const character of accepted) {
      for (const stored of ruleVariants(character)) {
        const id = addContact(`xq${stored}zx`);
        if (!found(`q${character}z`).includes(id)) missed.push(`${character} → ${stored}`);
      }
    }
    expect(missed).toEqual([]);
    // A sweep of 4,000-odd contacts, each stored and searched for: about 4 s alone here, and past
    // vitest's 5 s default beside the other unit files on a busy machine. Not a timing test.
  }, 30_000);

  it("leaves the inputs it cannot answer to the full scan", () => {
    expect(contactIndexQuery(searchTerms("al"))).toBeNull();
    expect(contactIndexQuery(searchTerms("Дмитрий"))).toBeNull();
    expect(contactIndexQuery(searchTerms("Yıldız"))).toBeNull();
    expect(contactIndexQuery(searchTerms('say "hi"'))).toBe('"say ""hi"""');
    expect(contactIndexQuery(searchTerms("+49 151"))).toBe('"+49 151" OR "49151"');
  });

  it("follows names, numbers, notes and attributes as they change", () => {
    const id = addContact("Ǣlfred Ørsted", "4915112345678");
    expect(found("alfred")).not.toContain(id); // æ is not a (nor does the rule fold it so)
    expect(found("ælfred")).toContain(id); // Ǣ written as the Æ the rule folds it to
    expect(found("51123")).toContain(id);
    sqlite.prepare(`UPDATE "Contact" SET "name" = 'Alfred Hansen', "note" = 'prefers mornings' WHERE "id" = ?`).run(id);
    expect(found("orsted")).not.toContain(id);
    expect(found("hansen")).toContain(id);
    expect(found("MORNING")).toContain(id);
    sqlite.prepare(`INSERT INTO "ContactAttribute" ("contactId", "key", "value") VALUES (?, 'plan', 'Gold tier')`).run(id);
    expect(found("gold")).toContain(id);
    sqlite.prepare(`UPDATE "ContactAttribute" SET "value" = 'Silver tier' WHERE "contactId" = ?`).run(id);
    expect(found("gold")).not.toContain(id);
    expect(found("silver")).toContain(id);
    sqlite.prepare(`DELETE FROM "ContactAttribute" WHERE "contactId" = ?`).run(id);
    expect(found("silver")).not.toContain(id);
    expect(found("hansen")).toContain(id);
    sqlite.prepare(`DELETE FROM "Contact" WHERE "id" = ?`).run(id);
    expect(found("hansen")).not.toContain(id);
  });
});
