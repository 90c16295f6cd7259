"use client";
import { api } from "@/trpc/react";

/** The team's labels: read once, then again when `labels.changed` arrives (use-live-events.ts). */
export function useLabels() {
  return api.label.list.useQuery(undefined, { staleTime: Infinity });
}
