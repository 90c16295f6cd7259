// The settings of every SQLite connection that writes (the webhook's direct connection and
// Prisma's writer), in one place. Connection settings, not stored in the file: each connection
// sets them when it opens.
export const WRITER_PRAGMAS = [
  "foreign_keys = ON",
  // An answered webhook or a sent reply must survive a power cut, so every commit syncs the WAL.
  // The driver's SQLite is built to sync a WAL database only at checkpoints unless told otherwise
  // (DEFAULT_WAL_SYNCHRONOUS=1), which loses the last commits when the machine stops.
  "synchronous = FULL",
  // Each webhook delivery runs in a savepoint (../whatsapp/store-thread/commit-group.ts), whose
  // undo pages went to a temporary file created and unlinked in every transaction. In memory (a delivery's undo is a
  // few pages), its heaviest writes take a third to a half of the time: the Message and Event
  // inserts went from 100 and 86 µs to 29 and 41 (`npm run bench:store`).
  "temp_store = MEMORY",
] as const;

/** The same, as one script for a driver that runs SQL text (Prisma's adapter). */
export const WRITER_PRAGMA_SCRIPT = WRITER_PRAGMAS.map((pragma) => `PRAGMA ${pragma};`).join("\n");
