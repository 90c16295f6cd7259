"use client";
// A fetch that is under way when a live event arrives may have read the database before that
// event's change was committed: its answer would then overwrite (or, on a first load, never
// receive) what the event applied. So each such query is fetched once more as soon as it lands.
// Never cancelled and restarted: under a steady stream of events a restarted fetch might never
// finish; this way every fetch completes, and at most one more follows it.
import { useQueryClient, type Query } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";

/** The inbox's own queries (tRPC keys look like [["conversation", "list"], {…}]). */
const isInboxQuery = (query: Query) => {
  const [path] = query.queryKey;
  return Array.isArray(path) && path[0] === "conversation";
};

export function useRefetchInFlight() {
  const queryClient = useQueryClient();
  const stale = useRef(new Set<string>());

  useEffect(() => {
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || !stale.current.has(event.query.queryHash)) return;
      if (event.query.state.fetchStatus !== "idle") return;
      stale.current.delete(event.query.queryHash);
      void queryClient.invalidateQueries({ queryKey: event.query.queryKey, exact: true });
    });
  }, [queryClient]);

  /** Call after applying an event: every inbox query fetching now is fetched again once it lands. */
  return useCallback(() => {
    for (const query of queryClient.getQueryCache().findAll({ fetchStatus: "fetching", predicate: isInboxQuery })) {
      stale.current.add(query.queryHash);
    }
  }, [queryClient]);
}
