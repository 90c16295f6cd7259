// A message's place in its conversation, as one string that sorts correctly: the second it was
// sent, then the order we received it, then its id as a tiebreak. Seconds, because WhatsApp's
// timestamps have no finer resolution: comparing our millisecond clock with its seconds would put
// a reply that arrived later before a message sent in the same second. A single comparable string
// makes cursor pagination one indexed range query.

//
// The arrival part comes from this process's clock, strictly increasing within the process, and
// never before the arrival of the conversation's newest message so far (`after`): with several
// processes on machines whose clocks differ a little, a message received later still sorts after
// the ones already stored, whichever process stored them.
import { formatSortKey, secondOf, sortKeyTimes } from "@/shared/sort-key";

let lastArrival = 0;

/** Microseconds since the epoch, strictly increasing within this process, and past `floor`. */
function nextArrival(floor: number): number {
  lastArrival = Math.max(Date.now() * 1000, lastArrival + 1, floor + 1);
  return lastArrival;
}

const arrivalOf = (key: string | null | undefined): number => (key ? (sortKeyTimes(key)?.arrivalMicros ?? 0) : 0);

/** `after`: the sort key of the conversation's newest message, if it has one. */
export function makeSortKey(sentAt: Date, id: string, after?: string | null): string {
  return formatSortKey(secondOf(sentAt), nextArrival(arrivalOf(after)), id);
}

/** The parts of a sort key that are times, in seconds; null for a key not made by makeSortKey. */
export function parseSortKey(key: string): { sentSecond: number; arrivalSecond: number } | null {
  const times = sortKeyTimes(key);
  return times && { sentSecond: times.sentSecond, arrivalSecond: Math.floor(times.arrivalMicros / 1_000_000) };
}
