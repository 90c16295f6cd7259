import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { userFromHeaders } from "@/server/auth/session-user";

export const dynamic = "force-dynamic";

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({ user: await userFromHeaders(request.headers) }),
  });
}

export { handler as GET, handler as POST };
