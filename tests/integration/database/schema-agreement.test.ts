import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate } from "@/lib/database/migrator";
import { setupTestDatabase } from "@/tests/helpers/test-database";

// Prisma's own schema parser (WASM, no engine download) gives the model as Prisma sees it.
const require = createRequire(import.meta.url);
const schemaWasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

const schemaText = readFileSync("prisma/schema.prisma", "utf8");
const dmmf = JSON.parse(schemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schemaText]] }))) as Dmmf;

/** Unsupported("...") fields are absent from the DMMF's field list; read them from the schema text. */
function unsupportedFields(model: string): DmmfField[] {
  const block = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schemaText)?.[1] ?? "";
  return [...block.matchAll(/^\s*(\w+)\s+Unsupported\("(\w+)"\)(\?)?(?:[^\n]*@map\("(\w+)"\))?[^\n]*$/gm)].map((m) => ({
    name: m[1]!,
    dbName: m[4] ?? null,
    kind: "unsupported",
    type: m[2]!,
    isList: false,
    isRequired: m[3] !== "?",
  }));
}

const PG_TYPE: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Decimal: "numeric",
};

function expectedUdt(field: DmmfField): string {
  const base = field.kind === "enum" || field.kind === "unsupported" ? field.type : PG_TYPE[field.type];
  if (!base) throw new Error(`no mapping for ${field.type}`);
  return field.isList ? `_${base}` : base;
}

describe("migrations agree with schema.prisma", () => {
  const database = setupTestDatabase();

  async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  it("has every model as a table and every field as a column of a compatible type", async () => {
    const columns = await query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const byTable = new Map<string, Map<string, { udt: string; nullable: boolean }>>();
    for (const c of columns) {
      if (!byTable.has(c.table_name)) byTable.set(c.table_name, new Map());
      byTable.get(c.table_name)!.set(c.column_name, { udt: c.udt_name, nullable: c.is_nullable === "YES" });
    }
    let checked = 0;
    for (const model of dmmf.datamodel.models) {
      const table = model.dbName ?? model.name;
      const tableColumns = byTable.get(table);
      expect(tableColumns, `table ${table} for model ${model.name}`).toBeDefined();
      for (const field of [...model.fields.filter((f) => f.kind !== "object"), ...unsupportedFields(model.name)]) {
        const column = field.dbName ?? field.name;
        const actual = tableColumns!.get(column);
        expect(actual, `column ${table}.${column} for ${model.name}.${field.name}`).toBeDefined();
        expect(actual!.udt, `type of ${table}.${column}`).toBe(expectedUdt(field));
        if (field.isRequired && !field.isList && field.kind !== "unsupported") {
          expect(actual!.nullable, `${table}.${column} should be NOT NULL`).toBe(false);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("has every enum with the same values in the same order", async () => {
    const rows = await query<{ typname: string; labels: string[] }>(
      `SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = new Map(rows.map((r) => [r.typname, r.labels]));
    for (const enumType of dmmf.datamodel.enums) {
      expect(actual.get(enumType.dbName ?? enumType.name), `enum ${enumType.name}`).toEqual(
        enumType.values.map((v) => v.dbName ?? v.name),
      );
    }
  });

  it("has every index, unique constraint and primary key with the same columns, order and method", async () => {
    const rows = await query<{ table: string; method: string; unique: boolean; primary: boolean; columns: string[]; definition: string }>(
      `SELECT t.relname::text AS table, am.amname::text AS method, ix.indisunique AS unique, ix.indisprimary AS primary,
              array_agg(a.attname::text ORDER BY k.ord) AS columns, pg_get_indexdef(ix.indexrelid) AS definition
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_am am ON am.oid = i.relam
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public'
       GROUP BY t.relname, am.amname, ix.indisunique, ix.indisprimary, ix.indexrelid`,
    );
    const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
    const columnName = (model: DmmfModel, field: string) => {
      const f = [...model.fields, ...unsupportedFields(model.name)].find((x) => x.name === field);
      return f?.dbName ?? field;
    };
    const expected: DmmfIndex[] = [...dmmf.datamodel.indexes];
    for (const model of dmmf.datamodel.models) {
      if (model.primaryKey) expected.push({ model: model.name, type: "id", fields: model.primaryKey.fields.map((name) => ({ name })) });
    }
    for (const index of expected) {
      const model = models.get(index.model)!;
      const table = model.dbName ?? model.name;
      const columns = index.fields.map((f) => columnName(model, f.name));
      const match = rows.find(
        (r) =>
          r.table === table &&
          JSON.stringify(r.columns) === JSON.stringify(columns) &&
          r.method === (index.algorithm ?? "BTree").toLowerCase() &&
          (index.type === "id" ? r.primary : index.type === "unique" ? r.unique : !r.unique) &&
          index.fields.every((f, i) => (f.sortOrder === "desc") === new RegExp(`"?${columns[i]}"? DESC`).test(r.definition)),
      );
      expect(match, `${index.type} index on ${table}(${columns.join(", ")})`).toBeDefined();
    }
  });

  it("has the weighted full-text column generated from title, company, skills, skill tags and text, with its statistics target", async () => {
    const rows = await query<{ generation_expression: string }>(
      `SELECT generation_expression FROM information_schema.columns WHERE table_name = 'posting' AND column_name = 'search_vector'`,
    );
    expect(rows[0]?.generation_expression).toMatch(/setweight.*title.*'A'/s);
    expect(rows[0]?.generation_expression).toMatch(/company_name/);
    expect(rows[0]?.generation_expression).toMatch(/skills/);
    expect(rows[0]?.generation_expression).toMatch(/description_text/);
    // The skill tags ('#go') that golang and pyspark match (migration 20261128000000).
    expect(rows[0]?.generation_expression).toMatch(/mlradar_skill_tags\(skills\)/);
    const [tags] = await query<{ tags: string }>(`SELECT mlradar_skill_tags(ARRAY['go', 'scikit-learn'])::text AS tags`);
    expect(tags?.tags).toBe("'#go':1B '#scikit-learn':1B");
    // Kept through the column's rebuild: rare words are planned as rare (migration 20261126030100).
    const [target] = await query<{ target: number }>(
      `SELECT attstattarget::int AS target FROM pg_attribute WHERE attrelid = 'posting'::regclass AND attname = 'search_vector'`,
    );
    expect(target?.target).toBe(500);
  });

  it("indexes the words of open postings that fit with the filter columns where btree_gin exists, on their own elsewhere", async () => {
    const rows = await query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'posting' AND indexdef LIKE '%USING gin %search_vector)%' ORDER BY indexname`,
    );
    const [btreeGin] = await query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gin') AS present`);
    const openFit = btreeGin?.present ? "posting_open_fit_filters_words_idx" : "posting_open_fit_search_vector_idx";
    expect(rows.map((r) => r.indexname)).toEqual([openFit, "posting_search_vector_idx"]);
    expect(rows[0]?.indexdef).toMatch(
      btreeGin?.present ? /gin \(level, remote, family, skills, search_vector\) WHERE \(\(closed_at IS NULL\) AND fit\)$/ : /gin \(search_vector\) WHERE \(\(closed_at IS NULL\) AND fit\)$/,
    );
  });

  it("compresses descriptions with lz4 where the server has it, and with its default where it does not", async () => {
    const [server] = await query<{ lz4: boolean }>(`SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`);
    await query(`INSERT INTO company (slug, name, updated_at) VALUES ('lz4-co', 'Lz4 Co', now())`);
    // Repetitive enough to be compressed inline; the method used is recorded with the value.
    await query(
      `INSERT INTO posting (dedup_key, content_hash, company_id, company_name, title, description_html, description_text, url, sort_at, updated_at)
       SELECT 'lz4-key', 'h', id, name, 'ML Engineer', repeat('<p>Serving models with vLLM.</p>', 300), repeat('Serving models with vLLM. ', 300), 'https://example.test/1', now(), now()
       FROM company WHERE slug = 'lz4-co'`,
    );
    const [stored] = await query<{ html: string | null; text: string | null }>(
      `SELECT pg_column_compression(description_html) AS html, pg_column_compression(description_text) AS text FROM posting WHERE dedup_key = 'lz4-key'`,
    );
    const expected = server?.lz4 ? "lz4" : "pglz";
    expect(stored).toEqual({ html: expected, text: expected });
  });

  it("records migrations in _prisma_migrations the way Prisma does, and re-running applies nothing", async () => {
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    const again = await migrate(database.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(rows.map((r) => r.migration_name).sort());
  });
});
