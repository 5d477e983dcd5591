-- Countries seeded before this change have "Cote d'Ivoire" without its accent (the seed
-- now takes the accented English name, prisma/seed-data/countries.ts). A name an admin
-- changed since is left alone.
UPDATE "Country" SET "nameEn" = 'Côte d''Ivoire' WHERE iso3 = 'CIV' AND "nameEn" = 'Cote d''Ivoire';
