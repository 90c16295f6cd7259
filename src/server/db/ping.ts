import type { PrismaClient } from "./generated/client";

/** Whether the database answers a trivial query through this client (for /api/health). */
export async function answers(client: Pick<PrismaClient, "$queryRawUnsafe">): Promise<boolean> {
  try {
    await client.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
