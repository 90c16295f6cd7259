// When the worker tries a transient failure again (the shared backoff, src/shared/backoff.ts), and
// how the Cloud API's own Retry-After bends it.
import { backoffDelayMs } from "@/shared/backoff";

export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The wait before attempt `attempt + 1`, after `attempt` attempts (1-based) failed. */
export function retryDelayMs(policy: BackoffPolicy, attempt: number, retryAfterMs: number | null, random = Math.random): number {
  const backoff = backoffDelayMs(attempt, policy.baseDelayMs, policy.maxDelayMs, random);
  // A Retry-After from the API is a floor, but never beyond the cap.
  return Math.min(policy.maxDelayMs, Math.max(backoff, retryAfterMs ?? 0));
}
