// The Sql interface (./sql.ts) over Prisma: a transaction, or the read client. Apart from sql.ts so
// that code which only needs plain SQL (the webhook's store thread) does not load Prisma's client.
import type { Tx } from "./client";
import { db } from "./client";
import type { Provider } from "./provider";
import { toNumberedPlaceholders, type Sql, type SqlValue } from "./sql";

type RawClient = Pick<Tx, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** A Sql over a Prisma transaction or client, in the dialect of the process's database. */
export function prismaSql(client: RawClient, provider: Provider = db().provider): Sql {
  const dialect = provider === "postgresql" ? toNumberedPlaceholders : (text: string) => text;
  return {
    provider,
    all: <T>(text: string, ...params: SqlValue[]) => client.$queryRawUnsafe<T[]>(dialect(text), ...params),
    run: async (text, ...params) => {
      await client.$executeRawUnsafe(dialect(text), ...params);
    },
  };
}

/** Reads outside a transaction. */
export const readSql = (): Sql => prismaSql(db().read);
