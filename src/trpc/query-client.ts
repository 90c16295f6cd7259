// React Query defaults for the dashboard. Live events keep cached data fresh, so queries are not
// refetched on every focus; a request the server refuses (4xx) is not retried. A lost session
// opens the sign-in page; two-factor sign-in required but not set up opens its setup.
import { QueryCache, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { isServerText, type ServerText } from "@/shared/server-text";
import { ACCOUNT_SECURITY_PATH } from "@/shared/two-factor";
import { loadLoginPage, loadPage } from "./navigation";

/** The HTTP status the server answered a failed call with; undefined when no answer came. */
export function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null || !("httpStatus" in data)) return undefined;
  return typeof data.httpStatus === "number" ? data.httpStatus : undefined;
}

/** What the server said to people about a refused call (shared/server-text.ts), if anything. */
export function serverTextOf(error: unknown): ServerText | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null || !("text" in data)) return undefined;
  return isServerText(data.text) ? data.text : undefined;
}

export function isNotFound(error: unknown): boolean {
  return httpStatusOf(error) === 404;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (typeof window === "undefined") return;
        if (httpStatusOf(error) === 401) loadLoginPage();
        else if (httpStatusOf(error) === 403 && serverTextOf(error)?.key === "enrolmentRequired") loadPage(ACCOUNT_SECURITY_PATH);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          const status = httpStatusOf(error);
          if (status !== undefined && status >= 400 && status < 500) return false;
          return failureCount < 3;
        },
      },
    },
  });
}
