// The only module that reads process.env. Defaults make `npm start` work with no configuration.
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset → embedded PGlite in PGLITE_DIR; `memory://` → in-memory PGlite; `postgres://…` → PostgreSQL. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || v === "memory://" || /^postgres(ql)?:\/\//.test(v), "must be postgres://…, postgresql://… or memory://"),
  PGLITE_DIR: z.string().default(".data/pglite"),
  HOST: z.string().default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** Where the dashboard is, for the start-up message. */
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Browser origins allowed to call the API directly (CORS), comma-separated; default: the dashboard. */
  WEB_ORIGIN: z.string().optional(),
  /** "json" writes one line per request to stdout; "off" for quiet runs. */
  LOG_REQUESTS: z.enum(["json", "off"]).default("json"),
});

export type Env = z.infer<typeof EnvSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

/** The dashboard's origins, for CORS. */
export function webOrigins(env: Env): string[] {
  if (env.WEB_ORIGIN) return env.WEB_ORIGIN.split(",").map((o) => o.trim()).filter(Boolean);
  return [`http://${env.HOST}:${env.WEB_PORT}`, `http://localhost:${env.WEB_PORT}`];
}
