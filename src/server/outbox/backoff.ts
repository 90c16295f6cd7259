// When to try a transient failure again: exponential, capped, with jitter so that the replies
// held up by one outage do not all hit WhatsApp again in the same instant.
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The wait before attempt `attempt + 1`, after `attempt` attempts (1-based) failed. */
export function retryDelayMs(policy: BackoffPolicy, attempt: number, retryAfterMs: number | null, random = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": at least half the delay, so the backoff still grows.
  const jittered = exponential / 2 + random() * (exponential / 2);
  // A Retry-After from the API is a floor, but never beyond the cap.
  return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0)));
}
