-- AlterTable
ALTER TABLE "Inbox" ADD COLUMN     "businessAccountId" TEXT,
ADD COLUMN     "templatesFetchedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "inboxId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "components" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("inboxId","name","language")
);

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_inboxId_fkey" FOREIGN KEY ("inboxId") REFERENCES "Inbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

