import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { SESSION_OPTIONS, type Db } from "@/lib/db";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Exact Heap Blocks"?: number;
  "Lossy Heap Blocks"?: number;
  "Heap Fetches"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  "Sort Method"?: string;
  Plans?: PlanNode[];
}

function describe(node: PlanNode, depth: number, out: string[]): void {
  const interesting = /Scan|Sort|Aggregate|Join|Nested Loop|Limit|Append|BitmapAnd|BitmapOr/.test(node["Node Type"]);
  if (interesting) {
    const parts = [node["Node Type"]];
    if (node["Index Name"]) parts.push(`using ${node["Index Name"]}`);
    else if (node["Relation Name"]) parts.push(`on ${node["Relation Name"]}`);
    const rows = (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
    const details = [`rows ${rows}`];
    if (node["Rows Removed by Filter"]) details.push(`filtered out ${node["Rows Removed by Filter"] * (node["Actual Loops"] ?? 1)}`);
    if (node["Rows Removed by Index Recheck"]) details.push(`recheck removed ${node["Rows Removed by Index Recheck"]}`);
    if (node["Exact Heap Blocks"] || node["Lossy Heap Blocks"]) details.push(`heap blocks ${node["Exact Heap Blocks"] ?? 0}+${node["Lossy Heap Blocks"] ?? 0} lossy`);
    if (node["Heap Fetches"] !== undefined) details.push(`heap fetches ${node["Heap Fetches"]}`);
    if (node["Sort Method"]) details.push(node["Sort Method"]);
    out.push(`${"  ".repeat(depth)}${parts.join(" ")} (${details.join(", ")})`);
  }
  for (const child of node.Plans ?? []) describe(child, interesting ? depth + 1 : depth, out);
}

/**
 * Runs `fn` on a client that records its SQL, then EXPLAIN ANALYZEs each statement it sent with the
 * same parameters, on a connection with the same startup `options`: a compact plan summary for
 * stderr, to see why a figure is what it is.
 */
export async function explainCalls(url: string, fn: (db: Db) => Promise<unknown>, options = SESSION_OPTIONS): Promise<string[]> {
  const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2, options }), log: [{ emit: "event", level: "query" }] });
  const statements: { query: string; params: unknown[] }[] = [];
  logged.$on("query", (event) => {
    if (/^\s*(SELECT|WITH)/i.test(event.query)) statements.push({ query: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  try {
    await fn(logged);
  } finally {
    await logged.$disconnect();
  }
  const client = new pg.Client({ connectionString: url, options });
  await client.connect();
  const out: string[] = [];
  try {
    for (const statement of statements) {
      const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.query}`,
        statement.params,
      );
      const plan = rows[0]!["QUERY PLAN"][0];
      const lines: string[] = [];
      describe(plan.Plan, 1, lines);
      out.push(`  ${plan["Execution Time"].toFixed(1)} ms, buffers hit ${plan.Plan["Shared Hit Blocks"] ?? 0} read ${plan.Plan["Shared Read Blocks"] ?? 0}`, ...lines);
    }
  } finally {
    await client.end();
  }
  return out;
}
