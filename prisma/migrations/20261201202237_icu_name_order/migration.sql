-- Names sort with the ICU root collation everywhere (the tables' sort keys say COLLATE
-- "und-x-icu"). Giving the columns that collation makes their indexes follow that order,
-- so that a table sorted by country or organisation walks the names in order and stops
-- after a page instead of sorting every row. schema.prisma cannot express a collation,
-- and the engine's diff ignores it, so it lives here. Changing the collation rebuilds the
-- existing index on Organisation.name in the new order.
ALTER TABLE "Country" ALTER COLUMN "nameEn" SET DATA TYPE TEXT COLLATE "und-x-icu";

ALTER TABLE "Organisation" ALTER COLUMN "name" SET DATA TYPE TEXT COLLATE "und-x-icu";

-- CreateIndex
CREATE INDEX "Country_nameEn_idx" ON "Country"("nameEn");
