-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "reactions" TEXT,
ADD COLUMN     "replyToId" TEXT,
ADD COLUMN     "replyToWamid" TEXT;

