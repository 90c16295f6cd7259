import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { userFromHeaders } from "@/server/auth/session-user";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({ user: await userFromHeaders(request.headers) }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error("trpc request failed", { path, error: error.message });
    },
  });
}

export { handler as GET, handler as POST };
