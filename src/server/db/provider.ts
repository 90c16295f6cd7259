// Which database a DATABASE_URL names. SQLite (a `file:` URL) is the embedded default for one
// process; PostgreSQL is for several processes on one or more machines.
export type Provider = "sqlite" | "postgresql";

export function providerOf(databaseUrl: string): Provider {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgresql" : "sqlite";
}

export const isDatabaseUrl = (url: string): boolean => url.startsWith("file:") || providerOf(url) === "postgresql";
