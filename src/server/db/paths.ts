import path from "node:path";

/** The file behind a `file:` DATABASE_URL, resolved against the working directory. */
export function sqliteFilePath(databaseUrl: string): string {
  const file = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(file);
}

/** Where generated secrets and other local state live: beside the database file. */
export function dataDir(databaseUrl: string): string {
  return path.dirname(sqliteFilePath(databaseUrl));
}
