"use client";
// 1. The typed tRPC hooks (`api`), bound to the server's AppRouter type only (no server code).
// 2. Links: subscriptions travel over the tab's WebSocket; queries and mutations over batched HTTP.
// 3. The provider owns one QueryClient per tab.
import { QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink, splitLink, wsLink, type OperationLink, type TRPCLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import { useState, type ReactNode } from "react";
import type { AppRouter } from "@/server/api/root";
import { MAX_CALLS_PER_BATCH } from "@/shared/batch";
import { createQueryClient } from "./query-client";
import { getWsClient } from "./ws-client";

export const api = createTRPCReact<AppRouter>();

/** wsLink, but the tab's socket is only opened when the first subscription starts. */
function lazyWsLink(): TRPCLink<AppRouter> {
  return (runtime) => {
    let link: OperationLink<AppRouter> | null = null;
    return (operation) => {
      link ??= wsLink<AppRouter>({ client: getWsClient() })(runtime);
      return link(operation);
    };
  };
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() =>
    api.createClient({
      links: [
        splitLink({
          condition: (op) => op.type === "subscription",
          true: lazyWsLink(),
          // The server refuses a larger batch (src/shared/batch.ts); split before reaching it.
          false: httpBatchLink({ url: "/api/trpc", maxItems: MAX_CALLS_PER_BATCH }),
        }),
      ],
    }),
  );

  return (
    <api.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </api.Provider>
  );
}
