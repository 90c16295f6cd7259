-- AlterTable
ALTER TABLE "OutboxJob" ADD COLUMN "leaseUntil" DATETIME;

