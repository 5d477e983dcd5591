-- Search ignores accents and case: "medecins" finds "Médecins Sans Frontières", "cote"
-- finds "Côte d'Ivoire". search_fold() is the one folding rule (lower case, accents
-- removed by the unaccent dictionary), and lib/data/search-sql.ts applies it to both sides
-- of every search. unaccent() itself is only STABLE (its dictionary could change): so
-- an expression index needs this IMMUTABLE wrapper, with the dictionary named in full
-- so that it does not depend on the search_path. Trigram GIN indexes on the folded text
-- keep "contains" searches indexed at a million events. Both extensions are trusted
-- (PostgreSQL 13 and later): the database owner may create them. schema.prisma cannot
-- express functions or expression indexes, so they live here.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE OR REPLACE FUNCTION public.search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE INDEX "AccessEvent_summary_search_idx" ON "AccessEvent" USING gin (public.search_fold(summary) public.gin_trgm_ops);
CREATE INDEX "Organisation_name_search_idx" ON "Organisation" USING gin (public.search_fold(name) public.gin_trgm_ops);
CREATE INDEX "Organisation_acronym_search_idx" ON "Organisation" USING gin (public.search_fold(acronym) public.gin_trgm_ops);
CREATE INDEX "Organisation_iatiId_search_idx" ON "Organisation" USING gin (public.search_fold("iatiId") public.gin_trgm_ops);
