"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdminAction } from "@/lib/admin/admin-access";
import { isSourceEnabled, setSourceEnabled, setSourceSchedule } from "@/lib/admin/queries";
import { newSourceSchema, sourceIdSchema, sourceToggleSchema } from "@/lib/admin/schemas";
import { ensureDatabase, getDb } from "@/lib/db";
import { ensureSource } from "@/lib/sources/queries";
import { ensureQueueSchema } from "@/lib/worker/job-queue";
import { requestScrapeNow } from "@/lib/worker/scrape-scheduler";
import { parseSourceSpec } from "@/scrapers/source-spec";

function done(notice: string): never {
  revalidatePath("/admin");
  redirect(`/admin?notice=${encodeURIComponent(notice)}`);
}

async function queueScrape(sourceId: number): Promise<boolean> {
  await ensureQueueSchema(await ensureDatabase());
  return requestScrapeNow(getDb(), sourceId, new Date());
}

export async function runSourceNowAction(formData: FormData): Promise<void> {
  await requireAdminAction();
  const sourceId = sourceIdSchema.safeParse(formData.get("sourceId"));
  if (!sourceId.success) done("That source does not exist.");
  done((await queueScrape(sourceId.data)) ? "Scrape queued: a worker picks it up within seconds." : "That source does not exist.");
}

export async function toggleSourceAction(formData: FormData): Promise<void> {
  await requireAdminAction();
  const toggle = sourceToggleSchema.safeParse({ sourceId: formData.get("sourceId"), enabled: formData.get("enabled") });
  if (!toggle.success) done("Nothing changed: the request was malformed.");
  await setSourceEnabled(getDb(), toggle.data.sourceId, toggle.data.enabled);
  done(toggle.data.enabled ? "Source enabled." : "Source disabled: it is not scraped until enabled again.");
}

export async function addSourceAction(formData: FormData): Promise<void> {
  await requireAdminAction();
  const input = newSourceSchema.safeParse({
    spec: formData.get("spec") ?? "",
    company: formData.get("company") ?? "",
    schedule: formData.get("schedule") ?? "",
  });
  if (!input.success) done(`Not added: ${input.error.issues.map((issue) => issue.message).join("; ")}`);
  let spec;
  try {
    spec = await parseSourceSpec(input.data.spec);
  } catch (error) {
    done(`Not added: ${error instanceof Error ? error.message : String(error)}`);
  }
  const db = getDb();
  const source = await ensureSource(db, spec.kind, spec.token, { companyName: input.data.company });
  if (input.data.schedule) await setSourceSchedule(db, source.id, input.data.schedule);
  const enabled = await isSourceEnabled(db, source.id);
  if (enabled) await queueScrape(source.id);
  done(enabled ? `Added ${spec.kind}:${spec.token}; its first scrape is queued.` : `Added ${spec.kind}:${spec.token}, disabled: the board's terms do not allow listing.`);
}
