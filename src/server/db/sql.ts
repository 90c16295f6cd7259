// Plain SQL with positional parameters, over either Prisma's transaction (the worker, the services)
// or the direct SQLite connection of the webhook's hot path (./direct-writer.ts): the statements
// that both run are written once, against this.
import type { Tx } from "./client";

export type SqlValue = string | number | bigint | boolean | Date | null;

export interface Sql {
  all<T>(text: string, ...params: SqlValue[]): Promise<T[]>;
  run(text: string, ...params: SqlValue[]): Promise<void>;
}

export function prismaSql(tx: Tx): Sql {
  return {
    all: <T>(text: string, ...params: SqlValue[]) => tx.$queryRawUnsafe<T[]>(text, ...params),
    run: async (text, ...params) => {
      await tx.$executeRawUnsafe(text, ...params);
    },
  };
}

/** A DATETIME column as read back: Prisma gives a Date, the direct connection the stored text. */
export const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
export const toDateOrNull = (value: Date | string | null): Date | null => (value === null ? null : toDate(value));
