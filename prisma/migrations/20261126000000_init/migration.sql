-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('greenhouse', 'lever', 'ashby', 'workable', 'smartrecruiters', 'recruitee', 'personio', 'remoteok', 'remotive', 'weworkremotely', 'jsonld', 'hackernews', 'workday');

-- CreateEnum
CREATE TYPE "RemoteType" AS ENUM ('remote', 'hybrid', 'onsite', 'unknown');

-- CreateEnum
CREATE TYPE "EmploymentType" AS ENUM ('full_time', 'part_time', 'contract', 'internship', 'temporary', 'unknown');

-- CreateEnum
CREATE TYPE "Level" AS ENUM ('intern', 'junior', 'mid', 'senior', 'staff', 'principal', 'lead', 'director', 'unknown');

-- CreateEnum
CREATE TYPE "RoleFamily" AS ENUM ('ml_engineering', 'ml_infrastructure', 'inference_serving', 'applied_research', 'data_science', 'ml_management', 'other');

-- CreateEnum
CREATE TYPE "SalaryInterval" AS ENUM ('hour', 'day', 'week', 'month', 'year');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "AlertFrequency" AS ENUM ('instant', 'daily', 'weekly');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'suppressed');

-- CreateTable
CREATE TABLE "company" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "website" TEXT,
    "logo_url" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "token" TEXT NOT NULL,
    "company_id" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabled_reason" TEXT,
    "terms_url" TEXT,
    "attribution" TEXT,
    "listing_allowed" BOOLEAN NOT NULL DEFAULT true,
    "schedule" TEXT NOT NULL DEFAULT '0 */6 * * *',
    "http_validators" JSONB NOT NULL DEFAULT '{}',
    "last_run_at" TIMESTAMP(3),
    "last_run_status" "RunStatus",
    "last_success_at" TIMESTAMP(3),
    "last_error" TEXT,
    "last_fetched_count" INTEGER,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "next_run_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "posting" (
    "id" SERIAL NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "company_id" INTEGER NOT NULL,
    "company_name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "locations" JSONB NOT NULL DEFAULT '[]',
    "countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "cities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "remote" "RemoteType" NOT NULL DEFAULT 'unknown',
    "remote_regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tz_min_offset" INTEGER,
    "tz_max_offset" INTEGER,
    "employment_type" "EmploymentType" NOT NULL DEFAULT 'unknown',
    "level" "Level" NOT NULL DEFAULT 'unknown',
    "family" "RoleFamily" NOT NULL DEFAULT 'other',
    "fit" BOOLEAN NOT NULL DEFAULT false,
    "fit_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "fit_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "salary_text" TEXT,
    "salary_min" DOUBLE PRECISION,
    "salary_max" DOUBLE PRECISION,
    "salary_currency" TEXT,
    "salary_interval" "SalaryInterval",
    "salary_min_usd" INTEGER,
    "salary_max_usd" INTEGER,
    "description_html" TEXT NOT NULL DEFAULT '',
    "description_text" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL,
    "apply_url" TEXT,
    "posted_at" TIMESTAMP(3),
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),
    "sort_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "posting_pkey" PRIMARY KEY ("id")
);

-- array_to_string is only STABLE, so the generated column needs an IMMUTABLE wrapper.
CREATE FUNCTION "mlradar_join_skills"(TEXT[]) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;

-- Weighted full-text vector: title A, company and skills B, description D.
ALTER TABLE "posting" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce("company_name", '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, "mlradar_join_skills"("skills")), 'B') ||
    setweight(to_tsvector('english'::regconfig, left("description_text", 100000)), 'D')
) STORED;

-- CreateTable
CREATE TABLE "sighting" (
    "id" SERIAL NOT NULL,
    "posting_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,
    "external_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "missed_runs" INTEGER NOT NULL DEFAULT 0,
    "closed_at" TIMESTAMP(3),
    "raw" JSONB,

    CONSTRAINT "sighting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scrape_run" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "status" "RunStatus" NOT NULL DEFAULT 'running',
    "fetched_count" INTEGER NOT NULL DEFAULT 0,
    "new_count" INTEGER NOT NULL DEFAULT 0,
    "updated_count" INTEGER NOT NULL DEFAULT 0,
    "unchanged_count" INTEGER NOT NULL DEFAULT 0,
    "closed_count" INTEGER NOT NULL DEFAULT 0,
    "request_count" INTEGER NOT NULL DEFAULT 0,
    "not_modified_count" INTEGER NOT NULL DEFAULT 0,
    "error_kind" TEXT,
    "error_reason" TEXT,

    CONSTRAINT "scrape_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "suppressed_at" TIMESTAMP(3),
    "suppressed_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMP(3),
    "refresh_token_expires_at" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_search" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "filters_hash" TEXT NOT NULL,
    "frequency" "AlertFrequency" NOT NULL DEFAULT 'daily',
    "send_hour" INTEGER NOT NULL DEFAULT 8,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "last_sent_at" TIMESTAMP(3),
    "next_send_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "saved_search_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_match" (
    "saved_search_id" TEXT NOT NULL,
    "posting_id" INTEGER NOT NULL,
    "matched_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivery_id" TEXT,

    CONSTRAINT "alert_match_pkey" PRIMARY KEY ("saved_search_id","posting_id")
);

-- CreateTable
CREATE TABLE "alert_delivery" (
    "id" TEXT NOT NULL,
    "saved_search_id" TEXT NOT NULL,
    "window_key" TEXT NOT NULL,
    "to_email" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "last_error" TEXT,
    "message_id" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "company_slug_key" ON "company"("slug");

-- CreateIndex
CREATE INDEX "source_enabled_next_run_at_idx" ON "source"("enabled", "next_run_at");

-- CreateIndex
CREATE UNIQUE INDEX "source_kind_token_key" ON "source"("kind", "token");

-- CreateIndex
CREATE UNIQUE INDEX "posting_dedup_key_key" ON "posting"("dedup_key");

-- CreateIndex
CREATE INDEX "posting_search_vector_idx" ON "posting" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "posting_sort_at_id_idx" ON "posting"("sort_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "posting_salary_min_usd_id_idx" ON "posting"("salary_min_usd" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "posting_company_id_idx" ON "posting"("company_id");

-- CreateIndex
CREATE INDEX "posting_closed_at_idx" ON "posting"("closed_at");

-- CreateIndex
CREATE INDEX "posting_fit_family_level_idx" ON "posting"("fit", "family", "level");

-- CreateIndex
CREATE INDEX "posting_remote_idx" ON "posting"("remote");

-- CreateIndex
CREATE INDEX "posting_countries_idx" ON "posting" USING GIN ("countries");

-- CreateIndex
CREATE INDEX "posting_skills_idx" ON "posting" USING GIN ("skills");

-- CreateIndex
CREATE INDEX "posting_remote_regions_idx" ON "posting" USING GIN ("remote_regions");

-- CreateIndex
CREATE INDEX "sighting_posting_id_idx" ON "sighting"("posting_id");

-- CreateIndex
CREATE UNIQUE INDEX "sighting_source_id_external_id_key" ON "sighting"("source_id", "external_id");

-- CreateIndex
CREATE INDEX "scrape_run_source_id_started_at_idx" ON "scrape_run"("source_id", "started_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "rate_limit_key_key" ON "rate_limit"("key");

-- CreateIndex
CREATE INDEX "saved_search_user_id_idx" ON "saved_search"("user_id");

-- CreateIndex
CREATE INDEX "saved_search_filters_hash_idx" ON "saved_search"("filters_hash");

-- CreateIndex
CREATE INDEX "saved_search_paused_next_send_at_idx" ON "saved_search"("paused", "next_send_at");

-- CreateIndex
CREATE INDEX "alert_match_delivery_id_idx" ON "alert_match"("delivery_id");

-- CreateIndex
CREATE INDEX "alert_delivery_status_next_attempt_at_idx" ON "alert_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "alert_delivery_saved_search_id_window_key_key" ON "alert_delivery"("saved_search_id", "window_key");

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posting" ADD CONSTRAINT "posting_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sighting" ADD CONSTRAINT "sighting_posting_id_fkey" FOREIGN KEY ("posting_id") REFERENCES "posting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sighting" ADD CONSTRAINT "sighting_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scrape_run" ADD CONSTRAINT "scrape_run_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_search" ADD CONSTRAINT "saved_search_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_match" ADD CONSTRAINT "alert_match_saved_search_id_fkey" FOREIGN KEY ("saved_search_id") REFERENCES "saved_search"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_match" ADD CONSTRAINT "alert_match_posting_id_fkey" FOREIGN KEY ("posting_id") REFERENCES "posting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_match" ADD CONSTRAINT "alert_match_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "alert_delivery"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_saved_search_id_fkey" FOREIGN KEY ("saved_search_id") REFERENCES "saved_search"("id") ON DELETE CASCADE ON UPDATE CASCADE;
