// The shape of a message's sort key: the second it was sent (12 digits), the microsecond it
// arrived here (18 digits), and its id, so that one string sorts messages correctly. The server
// makes them (src/server/messages/sort-key.ts says why this order); the wire form of events
// (./event-wire.ts) rebuilds them from their parts, and both read their times (sortKeyTimes).

const pad = (value: number, digits: number) => String(value).padStart(digits, "0");

export const formatSortKey = (sentSecond: number, arrivalMicros: number, id: string): string =>
  `${pad(sentSecond, 12)}.${pad(arrivalMicros, 18)}.${id}`;

/** The whole second of an instant, as the key's first part counts it. */
export const secondOf = (time: Date | string): number => Math.floor(new Date(time).getTime() / 1000);

/** The two times in a key made by formatSortKey; null for any other string. */
export function sortKeyTimes(key: string): { sentSecond: number; arrivalMicros: number } | null {
  const match = /^(\d{12})\.(\d{18})\./.exec(key);
  return match ? { sentSecond: Number(match[1]), arrivalMicros: Number(match[2]) } : null;
}
