import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { sessionFromHeaders } from "@/server/auth/session-user";
import { MAX_CALLS_PER_BATCH } from "@/shared/batch";

export const dynamic = "force-dynamic";

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // Refused with 400 before any input is parsed or any procedure runs.
    maxBatchSize: MAX_CALLS_PER_BATCH,
    createContext: async () => {
      const session = await sessionFromHeaders(request.headers);
      return { user: session?.user ?? null, signedInAt: session?.signedInAt ?? null };
    },
  });
}

export { handler as GET, handler as POST };
