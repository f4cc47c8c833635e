import { openApiDocument } from "@/lib/search/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=3600" } });
}
