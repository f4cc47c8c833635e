-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'skipped';

-- CreateIndex
CREATE INDEX "alert_match_unattached_idx" ON "alert_match"("saved_search_id", "posting_id") WHERE "delivery_id" IS NULL;
