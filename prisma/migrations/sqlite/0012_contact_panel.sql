-- The contact panel: the team's name, note and custom attributes for a contact. Columns are added
-- in place (SQLite allows it for these), so the contacts table is not copied.
ALTER TABLE "Contact" ADD COLUMN "nameEditedAt" DATETIME;
ALTER TABLE "Contact" ADD COLUMN "note" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Contact" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ContactAttribute" (
    "contactId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("contactId", "key"),
    CONSTRAINT "ContactAttribute_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
