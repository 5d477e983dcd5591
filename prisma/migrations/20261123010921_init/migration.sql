-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Status" AS ENUM ('OPERATING', 'RESTRICTED', 'EXPELLED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('CONFIRMED', 'REPORTED', 'DISPUTED');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('ORDER_TO_LEAVE', 'LICENCE_REVOKED', 'AGREEMENT_TERMINATED', 'OPERATIONS_SUSPENDED', 'OFFICE_CLOSED', 'WITHDRAWAL_COMPLETED', 'RESTRICTION_IMPOSED', 'RESTRICTION_LIFTED', 'READMITTED', 'ARRIVAL', 'OTHER');

-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('INGO', 'NATIONAL_NGO', 'UN_AGENCY', 'RED_CROSS_RED_CRESCENT', 'INTERGOVERNMENTAL', 'GOVERNMENT_MISSION', 'FOREIGN_MILITARY', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'ANALYST', 'ADMIN');

-- CreateTable
CREATE TABLE "Country" (
    "iso3" VARCHAR(3) NOT NULL,
    "iso2" VARCHAR(2) NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "subregion" TEXT,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("iso3")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "ref" TEXT,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "type" "OrganisationType" NOT NULL,
    "iatiId" TEXT,
    "website" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Presence" (
    "id" SERIAL NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "countryIso3" VARCHAR(3) NOT NULL,
    "status" "Status",
    "since" DATE,
    "sincePrecision" "DatePrecision",
    "peopleAffected" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Presence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessEvent" (
    "id" SERIAL NOT NULL,
    "ref" TEXT,
    "presenceId" INTEGER,
    "countryIso3" VARCHAR(3) NOT NULL,
    "kind" "EventKind" NOT NULL,
    "resultingStatus" "Status",
    "occurredOn" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL,
    "summary" TEXT NOT NULL,
    "peopleAffected" INTEGER,
    "confidence" "Confidence" NOT NULL,
    "reviewState" "ReviewState" NOT NULL DEFAULT 'PUBLISHED',
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "ref" TEXT,
    "publisher" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "publishedOn" DATE,
    "publishedPrecision" "DatePrecision",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSource" (
    "eventId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "quote" TEXT,
    "claim" TEXT,

    CONSTRAINT "EventSource_pkey" PRIMARY KEY ("eventId","sourceId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "disabledAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Country_iso2_key" ON "Country"("iso2");

-- CreateIndex
CREATE INDEX "Country_region_idx" ON "Country"("region");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_ref_key" ON "Organisation"("ref");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_iatiId_key" ON "Organisation"("iatiId");

-- CreateIndex
CREATE INDEX "Organisation_name_idx" ON "Organisation"("name");

-- CreateIndex
CREATE INDEX "Presence_countryIso3_status_idx" ON "Presence"("countryIso3", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Presence_organisationId_countryIso3_key" ON "Presence"("organisationId", "countryIso3");

-- CreateIndex
CREATE UNIQUE INDEX "AccessEvent_ref_key" ON "AccessEvent"("ref");

-- CreateIndex
CREATE INDEX "AccessEvent_countryIso3_occurredOn_idx" ON "AccessEvent"("countryIso3", "occurredOn");

-- CreateIndex
CREATE INDEX "AccessEvent_presenceId_occurredOn_idx" ON "AccessEvent"("presenceId", "occurredOn");

-- CreateIndex
CREATE INDEX "AccessEvent_occurredOn_idx" ON "AccessEvent"("occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "Source_ref_key" ON "Source"("ref");

-- CreateIndex
CREATE INDEX "EventSource_sourceId_idx" ON "EventSource"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_countryIso3_fkey" FOREIGN KEY ("countryIso3") REFERENCES "Country"("iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessEvent" ADD CONSTRAINT "AccessEvent_presenceId_fkey" FOREIGN KEY ("presenceId") REFERENCES "Presence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessEvent" ADD CONSTRAINT "AccessEvent_countryIso3_fkey" FOREIGN KEY ("countryIso3") REFERENCES "Country"("iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessEvent" ADD CONSTRAINT "AccessEvent_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSource" ADD CONSTRAINT "EventSource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AccessEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSource" ADD CONSTRAINT "EventSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
