-- Full-text search over what the search box finds a contact by: name, number, the team's note and
-- attribute values (not in schema.prisma: Prisma does not model virtual tables). Trigrams, so any
-- part of three characters or more is found, ignoring case and accents. The contact search's own
-- rule stays GLOB over each field (src/server/services/search/sqlite.ts); this index only narrows
-- the contacts that rule is tried on, where it read every visible conversation's contact. It must
-- find everything the rule finds: sqlite.ts uses it only for inputs whose letters it folds the way
-- the rule does (contact-index.test.ts checks every such letter), and the text below writes the
-- few letters it does not fold (two accents on a letter, or an accent on æ, ø, ʒ) as the letters
-- the rule folds them to.
CREATE VIRTUAL TABLE "ContactSearch" USING fts5(
    "text",
    "contactId" UNINDEXED,
    tokenize = 'trigram remove_diacritics 1'
);

-- A contact's searchable text, the one definition every trigger below uses.
CREATE VIEW "ContactSearchText" AS
SELECT k."id" AS "contactId",
       replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
         k."name" || char(10) || k."waId" || char(10) || k."note" || char(10) ||
         COALESCE((SELECT group_concat(a."value", char(10)) FROM "ContactAttribute" a WHERE a."contactId" = k."id"), ''),
         'Ǡ', 'A'), 'ǡ', 'a'), 'Ǣ', 'Æ'), 'ǣ', 'æ'), 'Ǽ', 'Æ'), 'ǽ', 'æ'), 'Ǿ', 'Ø'), 'ǿ', 'ø'), 'Ǯ', 'Ʒ'), 'ǯ', 'ʒ') AS "text"
  FROM "Contact" k;

INSERT INTO "ContactSearch" ("text", "contactId") SELECT "text", "contactId" FROM "ContactSearchText";

CREATE TRIGGER "Contact_search_insert" AFTER INSERT ON "Contact" BEGIN
    INSERT INTO "ContactSearch" ("text", "contactId") SELECT "text", "contactId" FROM "ContactSearchText" WHERE "contactId" = NEW."id";
END;

-- The webhook upserts the contact on every message; only a real change rewrites its row (found
-- by a scan of the index's own table: contactId is not indexed, and these changes are rare).
CREATE TRIGGER "Contact_search_update" AFTER UPDATE OF "name", "note", "waId" ON "Contact"
WHEN OLD."name" IS NOT NEW."name" OR OLD."note" IS NOT NEW."note" OR OLD."waId" IS NOT NEW."waId" BEGIN
    DELETE FROM "ContactSearch" WHERE "contactId" = NEW."id";
    INSERT INTO "ContactSearch" ("text", "contactId") SELECT "text", "contactId" FROM "ContactSearchText" WHERE "contactId" = NEW."id";
END;

CREATE TRIGGER "Contact_search_delete" AFTER DELETE ON "Contact" BEGIN
    DELETE FROM "ContactSearch" WHERE "contactId" = OLD."id";
END;

CREATE TRIGGER "ContactAttribute_search_insert" AFTER INSERT ON "ContactAttribute" BEGIN
    DELETE FROM "ContactSearch" WHERE "contactId" = NEW."contactId";
    INSERT INTO "ContactSearch" ("text", "contactId") SELECT "text", "contactId" FROM "ContactSearchText" WHERE "contactId" = NEW."contactId";
END;

CREATE TRIGGER "ContactAttribute_search_update" AFTER UPDATE ON "ContactAttribute" BEGIN
    DELETE FROM "ContactSearch" WHERE "contactId" IN (OLD."contactId", NEW."contactId");
    INSERT INTO "ContactSearch" ("text", "contactId") SELECT "text", "contactId" FROM "ContactSearchText" WHERE "contactId" IN (OLD."contactId", NEW."contactId");
END;

-- Also when a contact's deletion cascades to its attributes: the contact is gone by then, and
-- nothing is put back.
CREATE TRIGGER "ContactAttribute_search_delete" AFTER DELETE ON "ContactAttribute" BEGIN
    DELETE FROM "ContactSearch" WHERE "contactId" = OLD."contactId";
    INSERT INTO "ContactSearch" ("text", "contactId") SELECT "text", "contactId" FROM "ContactSearchText" WHERE "contactId" = OLD."contactId";
END;
