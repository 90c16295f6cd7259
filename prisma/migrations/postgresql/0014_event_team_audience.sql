-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "team" BOOLEAN NOT NULL DEFAULT false;

