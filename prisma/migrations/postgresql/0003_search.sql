-- Written by hand (Prisma's schema cannot say it): full-text search over message text, the
-- counterpart of SQLite's MessageSearch table (prisma/migrations/sqlite/0003_team.sql); the queries
-- are in src/server/services/search-postgres.ts.
--
-- unaccent ships with PostgreSQL itself (Debian's postgresql package, the contrib modules of other
-- builds) and is a trusted extension: the database's owner may create it without being superuser.
-- Where the app's user may not, have an administrator run this line once before the first start.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Words are folded the way SQLite's `unicode61 remove_diacritics 2` folds them: accents dropped by
-- the unaccent dictionary, then lower-cased by `simple` (no stemming, no stop words, so a prefix
-- of any word finds it). A text search configuration rather than an IMMUTABLE wrapper around
-- unaccent(): to_tsvector(regconfig, text) is immutable already, so it can be indexed as is, and
-- ts_headline with the same configuration marks the words of the original text ("Crème"), where
-- a wrapper would index, and so mark, a copy without its accents and capitals.
CREATE TEXT SEARCH CONFIGURATION switchboard_search (COPY = simple);
-- The token types that may hold letters beyond ASCII; the ASCII ones have no accents to drop.
ALTER TEXT SEARCH CONFIGURATION switchboard_search
    ALTER MAPPING FOR word, numword, hword, numhword, hword_part, hword_numpart WITH unaccent, simple;

-- An expression index rather than a stored tsvector column: no second copy of every body in the
-- table, nothing for Prisma's models to miss, and a GIN match on plain or prefix words needs no
-- recheck, so the expression is only computed again when the bitmap of hits outgrows work_mem.
-- Plain CREATE INDEX, as the runner applies a migration in one transaction: on a large existing
-- history it holds up writes to "Message" while it builds.
CREATE INDEX "Message_body_search_idx" ON "Message" USING GIN (to_tsvector('switchboard_search', "body"));
