-- Events for the whole team (every signed-in user). The column is added in place (SQLite allows a
-- NOT NULL column with a default), so the event log is not copied and its ids stay as they are.
ALTER TABLE "Event" ADD COLUMN "team" BOOLEAN NOT NULL DEFAULT false;
