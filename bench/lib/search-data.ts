/**
 * Realistic postings for the search and HTTP benchmarks, generated inside PostgreSQL
 * (generate_series + random picks from word pools), so 1,000,000 rows take minutes, not hours.
 *
 * Descriptions are 3,000–6,000 characters of job-ad vocabulary: shared paragraphs drawn from a
 * skewed word pool (some words are in almost every posting, others in a few percent) plus a line
 * of product names from a large pool (each in about 0.1% of postings), so there are rare, mid and
 * broad terms to measure. Filter columns (level, remote, family, fit, countries, skills, salary,
 * company, sort_at) are drawn independently of each other; about 60% of postings fit and about 1%
 * are closed. Secondary indexes are dropped during the load and rebuilt after it, then VACUUM
 * ANALYZE, as after a restore.
 */
import pg from "pg";
import { SKILLS } from "@/lib/normalize/skill-taxonomy";
import { seededRandom } from "./synthetic";

export interface GenerateOptions {
  size: number;
  /** Parallel INSERT statements (the machine has 2 cores). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface GenerateResult {
  size: number;
  loadMs: number;
  indexMs: number;
  vacuumMs: number;
  totalMs: number;
}

const CHUNK = 25_000;
const PARAGRAPHS = 2_000;
const SKILL_SETS = 20_000;
const RARE_WORDS = 3_000;

const COMMON_WORDS = (
  "team build systems models production experience work data engineering machine learning scale teams users product " +
  "model training serving infrastructure design platform quality customers research deploy reliable performance latency " +
  "distributed pipelines features code python services architecture improve impact collaborate partners own operate " +
  "ship improve evaluation metrics monitoring large language inference optimize efficient throughput cost clusters " +
  "kubernetes cloud storage compute gpu accelerators kernels memory batch streaming realtime online offline feature " +
  "store registry experiment tracking reproducible testing reviews mentor lead senior staff principal technical " +
  "strategy roadmap stakeholders communication writing ownership growth learning benefits health equity leave remote " +
  "hybrid office travel culture diverse inclusive mission company startup series funding customers enterprise " +
  "security privacy compliance safety trust responsible fairness robustness retrieval ranking recommendation search " +
  "ads personalization vision speech audio multimodal generative agents embeddings vectors tokenization finetuning " +
  "alignment reinforcement reward preference dataset labeling annotation synthetic augmentation benchmark leaderboard " +
  "tooling automation observability alerting dashboards incidents oncall debugging profiling tracing logging " +
  "orchestration scheduling autoscaling caching sharding replication consistency availability durability " +
  "networking protocols apis grpc rest backend frontend fullstack mobile edge devices embedded compilers runtime " +
  "quantization distillation pruning sparsity precision mixed compiler graph operators fusion tensor parallel pipeline " +
  "sequence context window attention transformer diffusion convolutional recurrent gradient optimizer scheduler " +
  "hyperparameter sweep ablation baseline regression classification clustering forecasting anomaly detection fraud " +
  "risk pricing logistics marketplace payments healthcare biology chemistry robotics autonomous driving maps " +
  "translation summarization question answering chat assistant copilot coding reasoning planning tools evaluation " +
  "harness judge annotation guidelines contractors vendors budget hiring interviewing onboarding documentation " +
  "standards conventions libraries frameworks pytorch jax tensorflow numpy pandas spark ray kafka airflow dbt " +
  "snowflake bigquery postgres redis elasticsearch docker terraform aws gcp azure linux bash git ci cd rust go cpp " +
  "java scala typescript sql cuda triton tensorrt vllm onnx deepspeed megatron nccl slurm mlflow kubeflow sagemaker " +
  "degree bachelor master phd equivalent years proven track record strong excellent solid deep hands familiarity " +
  "plus bonus nice preferred required minimum qualifications responsibilities about role opportunity apply salary " +
  "range base compensation package insurance dental vision retirement matching parental vacation flexible hours " +
  "visa sponsorship relocation eligible location timezone overlap async collaboration inclusive equal employer"
).split(/\s+/);

/** Domain words each paragraph carries one of: each ends up in a few percent of postings. */
const MID_WORDS = (
  "genomics proteomics semiconductor lithography telematics geospatial satellite weather climate energy grid battery " +
  "solar wind nuclear mining agriculture irrigation livestock fisheries forestry insurance underwriting actuarial " +
  "mortgage lending credit brokerage trading hedging derivatives custody treasury accounting payroll procurement " +
  "warehouse shipping freight aviation airline railway maritime automotive drivetrain lidar radar sonar thermal " +
  "acoustic haptics wearable smartwatch headset gaming esports streaming podcast newsroom publishing advertising " +
  "auction bidding coupon loyalty checkout inventory catalog merchandising grocery restaurant hospitality hotel " +
  "travelers booking ticketing events sports fitness nutrition wellness pharmacy clinical radiology pathology " +
  "oncology cardiology dermatology ophthalmology dentistry telehealth genomic vaccine antibody enzyme molecule " +
  "crystallography spectroscopy microscopy imaging tomography ultrasound legal contracts litigation patents " +
  "compliance audit tax customs immigration education tutoring curriculum classroom university library museum " +
  "archive translation dubbing subtitles karaoke music lyrics choreography animation illustration typography " +
  "fashion apparel footwear cosmetics fragrance furniture construction architecture surveying plumbing hvac " +
  "elevator parking tolling transit ridesharing scooter bicycle drone rocket spacecraft orbital telescope " +
  "astronomy seismology volcanology oceanography hydrology glaciology ecology biodiversity conservation wildlife"
).split(/\s+/);

/** Product and team names: each appears in a few postings, like the proper nouns of real ads. */
function rareWords(count: number): string[] {
  const random = seededRandom(20261126);
  const onsets = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "qu", "r", "s", "t", "v", "z", "br", "kr", "st", "tr", "pl", "gl"];
  const vowels = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "y"];
  const codas = ["", "n", "r", "x", "l", "m", "s", "th", "nd", "rk", "lt"];
  const words = new Set<string>();
  while (words.size < count) {
    let word = "";
    const syllables = 3 + Math.floor(random() * 2);
    for (let s = 0; s < syllables; s++) {
      word += onsets[Math.floor(random() * onsets.length)]! + vowels[Math.floor(random() * vowels.length)]!;
    }
    words.add(word + codas[Math.floor(random() * codas.length)]!);
  }
  return [...words];
}

const TITLE_LEVELS = ["Senior", "Staff", "Principal", "Lead", "Sr.", "Senior Staff", "", "Founding"];
const TITLE_ROLES = [
  "Machine Learning Engineer",
  "ML Infrastructure Engineer",
  "Software Engineer, ML Platform",
  "Inference Engineer",
  "Research Engineer",
  "Applied Scientist",
  "Data Scientist",
  "Engineering Manager, Machine Learning",
  "MLOps Engineer",
  "AI Engineer",
  "Deep Learning Engineer",
  "Computer Vision Engineer",
  "NLP Engineer",
  "Recommendation Systems Engineer",
  "ML Performance Engineer",
  "Backend Engineer, Model Serving",
];
const TITLE_TEAMS = ["", "", "", ", Ranking", ", Ads", ", LLM Serving", ", Search", ", Trust & Safety", " - Computer Vision", ", Pretraining", ", Speech", ", Robotics", ", GenAI", ", Fraud"];

const PLACES: [country: string, city: string, raw: string][] = [
  ["US", "San Francisco", "San Francisco, CA"],
  ["US", "New York", "New York, NY"],
  ["US", "Seattle", "Seattle, WA"],
  ["US", "Austin", "Austin, TX"],
  ["US", "Boston", "Boston, MA"],
  ["US", "Mountain View", "Mountain View, CA"],
  ["US", "", "United States"],
  ["GB", "London", "London, UK"],
  ["GB", "Cambridge", "Cambridge, UK"],
  ["DE", "Berlin", "Berlin, Germany"],
  ["DE", "Munich", "Munich, Germany"],
  ["FR", "Paris", "Paris, France"],
  ["NL", "Amsterdam", "Amsterdam, Netherlands"],
  ["CH", "Zurich", "Zurich, Switzerland"],
  ["CA", "Toronto", "Toronto, Canada"],
  ["CA", "Montreal", "Montreal, Canada"],
  ["IN", "Bengaluru", "Bengaluru, India"],
  ["IN", "Hyderabad", "Hyderabad, India"],
  ["PL", "Warsaw", "Warsaw, Poland"],
  ["ES", "Barcelona", "Barcelona, Spain"],
  ["IE", "Dublin", "Dublin, Ireland"],
  ["SE", "Stockholm", "Stockholm, Sweden"],
  ["IL", "Tel Aviv", "Tel Aviv, Israel"],
  ["SG", "Singapore", "Singapore"],
  ["JP", "Tokyo", "Tokyo, Japan"],
  ["AU", "Sydney", "Sydney, Australia"],
  ["BR", "São Paulo", "São Paulo, Brazil"],
];
const REMOTE_REGIONS = [["US"], ["US", "CA"], ["EMEA"], ["WORLDWIDE"], ["GB"], ["DE"], ["EU"], ["AMER"], ["US", "GB", "CA"], ["APAC"]];
const SOURCE_KINDS = ["greenhouse", "lever", "ashby", "workable", "smartrecruiters", "remoteok", "hackernews", "workday"] as const;
const COMPANY_HEADS = ["Tensor", "Vector", "Deep", "Kiln", "Neural", "Gradient", "Lattice", "Quantum", "Signal", "Orbit", "Cortex", "Helix", "Prism", "Atlas", "Nimbus", "Forge"];
const COMPANY_TAILS = ["Labs", "AI", "Systems", "Works", "Robotics", "Health", "Analytics", "Cloud", "Dynamics", "Bio"];

/** Weighted picks as arrays repeated by weight: level, remote and family are drawn independently per row. */
const LEVEL_BAG = ["senior", "senior", "senior", "senior", "staff", "staff", "principal", "lead", "lead", "mid", "unknown", "director", "junior"];
const REMOTE_BAG = ["remote", "remote", "remote", "hybrid", "hybrid", "onsite", "onsite", "onsite", "unknown"];
const FAMILY_BAG = ["ml_engineering", "ml_engineering", "ml_engineering", "ml_infrastructure", "ml_infrastructure", "inference_serving", "applied_research", "data_science", "ml_management", "other"];

/** Skills weighted the way real postings name them: python and pytorch everywhere, sglang rarely. */
function skillWeights(): { ids: string[]; weights: number[] } {
  const common: Record<string, number> = { python: 0.7, pytorch: 0.45, kubernetes: 0.3, aws: 0.3, docker: 0.25, sql: 0.25, tensorflow: 0.2, spark: 0.2, gcp: 0.15, cuda: 0.15, jax: 0.1, go: 0.1, cpp: 0.15, vllm: 0.08, "distributed-training": 0.12, "model-serving": 0.15 };
  const ids = SKILLS.map((skill) => skill.id);
  return { ids, weights: ids.map((id) => common[id] ?? 0.03) };
}

/** Every word the generator writes: the search benchmark picks its rare, mid and broad words among them. */
export function termCandidates(): string[] {
  const titleWords = TITLE_ROLES.flatMap((role) => role.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length > 2);
  return [...new Set([...COMMON_WORDS, ...MID_WORDS, ...titleWords, ...rareWords(RARE_WORDS)])];
}

async function indexDefinitions(client: pg.Client, tables: string[]): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  return rows;
}

/** Fill an empty, migrated database with `size` postings (and their companies, sources and sightings). */
export async function generateSearchData(url: string, options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? (() => {});
  const size = options.size;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    const existing = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM posting");
    if (existing.rows[0]?.n !== "0") throw new Error("generateSearchData needs an empty posting table");

    const companies = Math.max(300, Math.round(size / 200));
    await client.query(
      `INSERT INTO company (slug, name, updated_at)
       SELECT lower(h || '-' || t) || '-' || g, h || ' ' || t || CASE WHEN g > $3 THEN ' ' || g ELSE '' END, now()
       FROM generate_series(1, $1::int) g,
            LATERAL (SELECT ($2::text[])[1 + g % array_length($2::text[], 1)] AS h,
                            ($4::text[])[1 + (g / array_length($2::text[], 1)) % array_length($4::text[], 1)] AS t) n`,
      [companies, COMPANY_HEADS, COMPANY_HEADS.length * COMPANY_TAILS.length, COMPANY_TAILS],
    );
    await client.query(
      `INSERT INTO source (kind, token, updated_at) SELECT k::"SourceKind", 'bench-' || k, now() FROM unnest($1::text[]) k`,
      [SOURCE_KINDS],
    );

    // Pools the rows draw from: paragraphs of skewed common words, skill sets, places.
    await client.query(`DROP TABLE IF EXISTS bench_paragraph, bench_skill_set, bench_place`);
    await client.query(`CREATE UNLOGGED TABLE bench_paragraph (id int PRIMARY KEY, body text NOT NULL)`);
    await client.query(`CREATE UNLOGGED TABLE bench_skill_set (id int PRIMARY KEY, skills text[] NOT NULL)`);
    await client.query(`CREATE UNLOGGED TABLE bench_place (id int PRIMARY KEY, country text NOT NULL, city text NOT NULL, raw text NOT NULL)`);
    await client.query(`SELECT setseed(0.26)`);
    await client.query(
      `INSERT INTO bench_paragraph
       SELECT i, (SELECT string_agg(($2::text[])[1 + floor(power(random(), 2.2) * array_length($2::text[], 1))::int]
                                    || CASE WHEN random() < 0.08 THEN '.' ELSE '' END, ' ')
                  FROM generate_series(1, 55 + i % 30) w WHERE i IS NOT NULL)
              || ' ' || ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int] || '.'
       FROM generate_series(1, $1::int) i`,
      [PARAGRAPHS, COMMON_WORDS, MID_WORDS],
    );
    const { ids, weights } = skillWeights();
    await client.query(
      `INSERT INTO bench_skill_set
       SELECT i, ARRAY(SELECT s FROM unnest($2::text[], $3::float8[]) AS t(s, w) WHERE random() < w AND i IS NOT NULL)
       FROM generate_series(1, $1::int) i`,
      [SKILL_SETS, ids, weights],
    );
    await client.query(
      `INSERT INTO bench_place SELECT row_number() OVER (), c, ci, r FROM unnest($1::text[], $2::text[], $3::text[]) AS t(c, ci, r)`,
      [PLACES.map((p) => p[0]), PLACES.map((p) => p[1]), PLACES.map((p) => p[2])],
    );
    await client.query(`ANALYZE bench_paragraph; ANALYZE bench_skill_set; ANALYZE bench_place`);

    // Bulk load without the secondary indexes; they are rebuilt once at the end.
    const indexes = await indexDefinitions(client, ["posting", "sighting"]);
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    log(`generate: ${companies} companies, dropped ${indexes.length} indexes for the load`);

    const rare = rareWords(RARE_WORDS);
    const insertChunk = async (db: pg.Client, from: number, to: number) => {
      await db.query(
        `INSERT INTO posting (dedup_key, content_hash, company_id, company_name, title, locations, countries, cities, remote,
           remote_regions, employment_type, level, family, fit, fit_score, fit_reasons, skills, salary_text, salary_min, salary_max,
           salary_currency, salary_interval, salary_min_usd, salary_max_usd, description_html, description_text, url, apply_url,
           posted_at, first_seen_at, last_seen_at, closed_at, sort_at, updated_at, source_kinds)
         SELECT 'bench-' || s.g, md5(s.g::text), c.id, c.name, s.title,
           jsonb_build_array(jsonb_build_object('raw', pl.raw, 'city', nullif(pl.city, ''), 'country', pl.country)),
           ARRAY[pl.country], CASE WHEN pl.city = '' THEN '{}'::text[] ELSE ARRAY[pl.city] END, s.remote::"RemoteType",
           CASE WHEN s.remote = 'remote' THEN (($6::text[])[s.region_pick])::text[] ELSE '{}'::text[] END, 'full_time', s.level::"Level",
           s.family::"RoleFamily", s.fit, s.fit_score, ARRAY['bench'], ss.skills,
           CASE WHEN s.salary_min IS NOT NULL THEN '$' || s.salary_min || ' - $' || s.salary_max END,
           s.salary_min, s.salary_max, CASE WHEN s.salary_min IS NOT NULL THEN 'USD' END,
           CASE WHEN s.salary_min IS NOT NULL THEN 'year'::"SalaryInterval" END, s.salary_min, s.salary_max,
           '<p>' || b.body || '</p>', b.body, 'https://boards.example.test/' || c.slug || '/' || s.g, NULL,
           s.sort_at, s.sort_at, now(), CASE WHEN s.closed THEN now() - interval '1 day' END, s.sort_at, now(),
           ARRAY[($12::text[])[1 + floor(random() * array_length($12::text[], 1))::int]]::"SourceKind"[]
         FROM (
           SELECT g,
             trim(($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int] || ' ' ||
                  ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int] ||
                  ($4::text[])[1 + floor(random() * array_length($4::text[], 1))::int]) AS title,
             1 + floor(power(random(), 2) * $5::int)::int AS company_id,
             1 + floor(random() * ${PLACES.length})::int AS place_id,
             1 + floor(random() * array_length($6::text[], 1))::int AS region_pick,
             1 + floor(random() * ${SKILL_SETS})::int AS skill_set_id,
             ($7::text[])[1 + floor(random() * array_length($7::text[], 1))::int] AS remote,
             ($8::text[])[1 + floor(random() * array_length($8::text[], 1))::int] AS level,
             ($9::text[])[1 + floor(random() * array_length($9::text[], 1))::int] AS family,
             random() < 0.6 AS fit, round(random()::numeric, 3)::float8 AS fit_score,
             random() < 0.01 AS closed,
             now() - power(random(), 1.6) * interval '180 days' AS sort_at,
             sal.salary_min, sal.salary_min + sal.spread AS salary_max,
             ARRAY[${Array.from({ length: 12 }, () => `1 + floor(random() * ${PARAGRAPHS})::int`).join(", ")}] AS paragraph_ids,
             3000 + floor(random() * 2900)::int AS body_length,
             ARRAY[${Array.from({ length: 3 }, () => "($10::text[])[1 + floor(random() * array_length($10::text[], 1))::int]").join(", ")}] AS tools
           FROM generate_series($1::int, $11::int) g
           CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.55 THEN (90 + floor(random() * 260)) * 1000 END AS salary_min,
                                      (20 + floor(random() * 80)) * 1000 AS spread WHERE g IS NOT NULL) sal
           OFFSET 0
         ) s
         JOIN company c ON c.id = s.company_id
         JOIN bench_place pl ON pl.id = s.place_id
         JOIN bench_skill_set ss ON ss.id = s.skill_set_id
         CROSS JOIN LATERAL (
           SELECT left(string_agg(bp.body, ' ' ORDER BY u.o), s.body_length)
                    || ' Tools and teams you will meet: ' || s.tools[1] || ', ' || s.tools[2] || ' and ' || s.tools[3] || '.' AS body
           FROM unnest(s.paragraph_ids) WITH ORDINALITY AS u(id, o) JOIN bench_paragraph bp ON bp.id = u.id
         ) b`,
        [from, TITLE_LEVELS, TITLE_ROLES, TITLE_TEAMS, companies, REMOTE_REGIONS.map((r) => `{${r.join(",")}}`), REMOTE_BAG, LEVEL_BAG, FAMILY_BAG, rare, to, SOURCE_KINDS],
      );
    };

    const loadStarted = performance.now();
    const chunks: [number, number][] = [];
    for (let from = 1; from <= size; from += CHUNK) chunks.push([from, Math.min(size, from + CHUNK - 1)]);
    let done = 0;
    const workers = await Promise.all(
      Array.from({ length: Math.min(concurrency, chunks.length) }, async () => {
        const worker = new pg.Client({ connectionString: url });
        await worker.connect();
        await worker.query("SET synchronous_commit = off");
        return worker;
      }),
    );
    try {
      await Promise.all(
        workers.map(async (worker) => {
          for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
            await insertChunk(worker, chunk[0], chunk[1]);
            done += chunk[1] - chunk[0] + 1;
            log(`generate: ${done.toLocaleString("en-US")}/${size.toLocaleString("en-US")} postings (${((performance.now() - loadStarted) / 1000).toFixed(0)} s)`);
          }
        }),
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.end()));
    }
    // Each posting's one sighting is on the board its source_kinds names, so the trigger that keeps
    // source_kinds (a lookup per posting, without the dropped indexes) has nothing to do during the load.
    await client.query(`ALTER TABLE sighting DISABLE TRIGGER sighting_source_kinds_insert`);
    await client.query(
      `INSERT INTO sighting (posting_id, source_id, external_id, url, first_seen_at, last_seen_at, closed_at)
       SELECT p.id, src.id, 'bench-' || p.id, p.url, p.first_seen_at, p.last_seen_at, p.closed_at
       FROM posting p JOIN source src ON src.kind = p.source_kinds[1]`,
    );
    await client.query(`ALTER TABLE sighting ENABLE TRIGGER sighting_source_kinds_insert`);
    const loadMs = performance.now() - loadStarted;

    const indexStarted = performance.now();
    await client.query("SET maintenance_work_mem = '1GB'");
    await client.query("SET max_parallel_maintenance_workers = 1");
    for (const index of indexes) {
      const one = performance.now();
      await client.query(index.definition);
      log(`generate: built ${index.name} (${((performance.now() - one) / 1000).toFixed(1)} s)`);
    }
    const indexMs = performance.now() - indexStarted;
    await client.query(`DROP TABLE bench_paragraph, bench_skill_set, bench_place`);
    const vacuumStarted = performance.now();
    await client.query("VACUUM (ANALYZE) posting, sighting, company, source");
    const vacuumMs = performance.now() - vacuumStarted;
    return { size, loadMs, indexMs, vacuumMs, totalMs: performance.now() - started };
  } finally {
    await client.end();
  }
}
