// Plain SQL with positional parameters, over either Prisma (a transaction, or the read client:
// ./prisma-sql.ts) or the direct SQLite connection of the webhook's hot path (./direct-writer.ts):
// the statements that both providers run are written once, against this, with `?` placeholders —
// PostgreSQL's `$1, $2…` are made from them here, in one place.
import type { Provider } from "./provider";

export type SqlValue = string | number | bigint | boolean | Date | null;

export interface Sql {
  readonly provider: Provider;
  all<T>(text: string, ...params: SqlValue[]): Promise<T[]>;
  run(text: string, ...params: SqlValue[]): Promise<void>;
}

const numbered = new Map<string, string>();

/**
 * `?` → `$1, $2, …`. The statements here keep `?` out of string literals and identifiers, so
 * every `?` is a parameter.
 */
export function toNumberedPlaceholders(text: string): string {
  let converted = numbered.get(text);
  if (converted === undefined) {
    let n = 0;
    converted = text.replace(/\?/g, () => `$${++n}`);
    if (numbered.size < 1_000) numbered.set(text, converted);
  }
  return converted;
}

/** A DATETIME column as read back: Prisma gives a Date, the direct connection the stored text. */
export const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
export const toDateOrNull = (value: Date | string | null): Date | null => (value === null ? null : toDate(value));
