// The data folder holds the session secret, the demo's webhook secrets, the media customers sent
// and, on SQLite, the whole database with inbox tokens. Other accounts on the machine have no
// business reading any of it, so everything this process creates is owner-only.
import fs from "node:fs";
import { dataDir, sqliteFilePath } from "./db/paths";
import { providerOf } from "./db/provider";
import { logger } from "./logger";

const OWNER_ONLY_DIR = 0o700;
const OWNER_ONLY_FILE = 0o600;

/** Call first thing at start, before anything creates a file. */
export function keepLocalStatePrivate(config: { DATABASE_URL: string; DATA_DIR?: string | undefined }): void {
  // Files and folders made from here on — SQLite's -wal and -shm included, which copy the database
  // file's mode — get no group or other permissions, whoever creates them.
  process.umask(0o077);

  const dir = dataDir(config);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  else if ((fs.statSync(dir).mode & 0o077) !== 0) {
    // Not changed behind the operator's back: an existing folder may be shared on purpose (or be
    // the working directory). Said once per start instead.
    logger.warn("the data folder is readable by other users; chmod 700 it", { dir });
  }

  if (providerOf(config.DATABASE_URL) !== "sqlite") return;
  // A database file from before this rule (or copied in) is ours alone to read: tightened.
  const file = sqliteFilePath(config.DATABASE_URL);
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(path)) fs.chmodSync(path, OWNER_ONLY_FILE);
  }
}
