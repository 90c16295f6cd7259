-- CreateTable
CREATE TABLE "RevokedSession" (
    "userId" TEXT NOT NULL,
    "signedInAt" BIGINT NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("userId","signedInAt")
);

-- CreateIndex
CREATE INDEX "RevokedSession_revokedAt_idx" ON "RevokedSession"("revokedAt");

