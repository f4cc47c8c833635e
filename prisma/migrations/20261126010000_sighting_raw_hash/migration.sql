-- AlterTable
ALTER TABLE "sighting" ADD COLUMN     "raw_hash" TEXT;
