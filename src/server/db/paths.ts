import path from "node:path";
import { providerOf } from "./provider";

/** The file behind a `file:` DATABASE_URL, resolved against the working directory. */
export function sqliteFilePath(databaseUrl: string): string {
  const file = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(file);
}

/**
 * Where generated secrets and other local state (the media cache) live: DATA_DIR when set, else
 * beside the SQLite file, or ./data in the working directory of a process on PostgreSQL.
 */
export function dataDir(config: { DATABASE_URL: string; DATA_DIR?: string | undefined }): string {
  if (config.DATA_DIR) return path.resolve(config.DATA_DIR);
  return providerOf(config.DATABASE_URL) === "postgresql" ? path.resolve("data") : path.dirname(sqliteFilePath(config.DATABASE_URL));
}
