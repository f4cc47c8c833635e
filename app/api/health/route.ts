import { getDb } from "@/lib/db";
import { checkHealth } from "@/lib/metrics/health-check";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth(getDb);
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
