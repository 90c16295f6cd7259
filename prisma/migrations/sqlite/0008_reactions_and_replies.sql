-- AlterTable
ALTER TABLE "Message" ADD COLUMN "reactions" TEXT;
ALTER TABLE "Message" ADD COLUMN "replyToId" TEXT;
ALTER TABLE "Message" ADD COLUMN "replyToWamid" TEXT;

