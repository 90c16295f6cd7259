// A message's place in its conversation, as one string that sorts correctly: the time it was sent
// (the provider's clock for inbound), then the order we received it, then its id as a tiebreak.
// A single comparable string makes cursor pagination one indexed range query.

let lastArrival = 0;

/** Microseconds since the epoch, strictly increasing within this process. */
function nextArrival(): number {
  lastArrival = Math.max(Date.now() * 1000, lastArrival + 1);
  return lastArrival;
}

export function makeSortKey(sentAt: Date, id: string): string {
  const sent = String(sentAt.getTime()).padStart(15, "0");
  const arrival = String(nextArrival()).padStart(18, "0");
  return `${sent}.${arrival}.${id}`;
}
