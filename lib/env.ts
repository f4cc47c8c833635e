import { z } from "zod";

const emailList = z
  .string()
  .transform((value) => value.split(",").map((email) => email.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email()));

const postgresUrl = z
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgres:// or postgresql:// URL");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: an embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
  DATA_DIR: z.string().min(1).default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public base URL, used in emails, feeds, canonical links. */
  SITE_URL: z.url().default("http://localhost:3000"),
  /**
   * Where this server itself answers (http://127.0.0.1:PORT): set, anonymous listing pages are
   * cached as HTML and a miss is rendered through it. `npm start` sets it.
   */
  PAGE_CACHE_ORIGIN: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  /** Named in the scrapers' User-Agent so board operators can reach us. */
  CONTACT_URL: z.url().default("https://github.com/mlradar/mlradar"),
  SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  EMAIL_FROM: z.string().min(3).default("mlradar <alerts@localhost>"),
  /** Signs feed and unsubscribe tokens and sessions. Unset: a random one kept in DATA_DIR. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAILS: emailList.default([]),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Comma-separated hosts the scrapers may reach even though they resolve to private addresses (tests, demo). */
  HTTP_ALLOW_PRIVATE_HOSTS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((h) => h.trim()).filter(Boolean)),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    super(
      "Invalid environment:\n" +
        issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`).join("\n"),
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

let cached: Env | undefined;

/** process.env parsed once; later changes to process.env are not seen (tests use parseEnv). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change DATABASE_URL per file. */
export function resetEnvCache(): void {
  cached = undefined;
}
