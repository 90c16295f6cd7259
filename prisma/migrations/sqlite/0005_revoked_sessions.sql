-- CreateTable
CREATE TABLE "RevokedSession" (
    "userId" TEXT NOT NULL,
    "signedInAt" BIGINT NOT NULL,
    "revokedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "signedInAt")
);

-- CreateIndex
CREATE INDEX "RevokedSession_revokedAt_idx" ON "RevokedSession"("revokedAt");

