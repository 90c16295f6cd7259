-- AlterTable
ALTER TABLE "OutboxJob" ADD COLUMN     "leaseUntil" TIMESTAMP(3);

