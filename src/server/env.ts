// The environment, validated once. Every server module reads configuration from here, never from
// process.env directly, so a bad value stops the start with a message naming the variable.
import { z } from "zod";
import { isDatabaseUrl, providerOf } from "./db/provider";
import { FEWEST_CONNECTIONS } from "./http/connection-limit";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .default("file:./data/switchboard.db")
    .refine(isDatabaseUrl, { message: "must be a SQLite file URL (file:…) or a PostgreSQL URL (postgresql://…)" }),
  // Local state: the media cache (and, on SQLite, generated secrets). Default: beside the SQLite
  // file, or ./data on PostgreSQL.
  DATA_DIR: optionalString,
  // GET /api/metrics answers only with "Authorization: Bearer <this>"; unset, metrics are off.
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  // "1" behind a reverse proxy: a request's client address (for sign-in throttling) is the last
  // one the proxy appended to X-Forwarded-For, not the proxy's own.
  TRUST_PROXY: z.enum(["0", "1"], { error: 'must be "1" (behind a reverse proxy) or "0"' }).default("0"),
  // The bus between processes; unset, events stay in this process (one process on SQLite).
  REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional()),
  // Starts every channel name on Redis, so two deployments can share one Redis server.
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, "must be 1–64 letters, digits, ':', '_' or '-'").default("switchboard"),
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  // Seals the secrets stored in the database (src/server/secrets/sealed.ts). Generated into the
  // data folder on SQLite when unset; required on PostgreSQL, where every process must share it.
  DATA_ENCRYPTION_KEY: optionalString.pipe(z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional()),
  NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d+$/, "must be digits").default("200000000000002"),
  // The default inbox's WhatsApp Business Account, whose message templates it offers.
  WHATSAPP_BUSINESS_ACCOUNT_ID: optionalString.pipe(z.string().regex(/^\d{5,30}$/, "must be digits").optional()),
  WHATSAPP_API_BASE_URL: z.url().default("https://graph.facebook.com/v21.0").transform((url) => url.replace(/\/+$/, "")),
  // Messages per second per business number; WhatsApp's default is 80 (Meta can raise it to 1,000).
  WHATSAPP_SEND_RATE: z.coerce.number().int().min(1).max(1000).default(80),
  // How long a worker answers for a reply it is sending; a reply still "sending" after that was
  // left by a worker that died mid-call and is marked in doubt by another.
  OUTBOX_LEASE_MS: z.coerce.number().int().min(2_000).max(3_600_000).default(60_000),
  // "0": this web process sends no replies; workers started with `npm run worker` do (PostgreSQL).
  WORKER_IN_WEB: z.enum(["0", "1"], { error: 'must be "1" (the web process also sends replies) or "0"' }).default("1"),
  ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(8, "must be at least 8 characters").optional()),
  // Demo mode fills a fresh database with sample conversations unless this is "0" (tests do that).
  // Presence: how often a dashboard says it is there, and how long after its last word it counts as
  // gone. Short values only make sense for tests.
  PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  PRESENCE_TIMEOUT_MS: z.coerce.number().int().min(200).max(900_000).default(40_000),
  // Bounds on what one WebSocket may make the server hold: live subscriptions on it (the dashboard
  // opens two), and bytes written to it but not yet taken by the peer (past that it is closed and
  // resumes by replay).
  LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(2).max(100).default(10),
  // Sockets one user may hold open on one process (a dashboard tab holds one).
  LIVE_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(30),
  LIVE_MAX_BUFFERED_BYTES: z.coerce.number().int().min(16 * 1024).max(256 * 1024 * 1024).default(1024 * 1024),
  // Connections (HTTP and WebSocket) the process holds at once; past it new ones are closed as they
  // arrive. Unset: the open-files limit less what the server keeps for its own files
  // (src/server/http/connection-limit.ts).
  HTTP_MAX_CONNECTIONS: optionalString.pipe(z.coerce.number<string | undefined>().int().min(FEWEST_CONNECTIONS).max(1_000_000).optional()),
  // Request bodies, in bytes, by route (src/server/http/body-limits.ts): next-auth's sign-in and
  // sign-out forms are tiny; tRPC's largest honest body is a batch of 20 full-length messages
  // (~330 KB); WhatsApp's webhook deliveries; anything else (no other route reads a body).
  AUTH_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024).default(16 * 1024),
  TRPC_MAX_BODY_BYTES: z.coerce.number().int().min(64 * 1024).max(64 * 1024 * 1024).default(1024 * 1024),
  WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().min(64 * 1024).max(64 * 1024 * 1024).default(1024 * 1024),
  HTTP_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(64 * 1024),
  // An agent's file to send: WhatsApp's largest, a 100 MB document (each kind's own limit is checked too).
  UPLOAD_MAX_BODY_BYTES: z.coerce.number().int().min(1024 * 1024).max(1024 * 1024 * 1024).default(100 * 1024 * 1024),
  DEMO_SEED: z.enum(["0", "1"], { error: 'must be "1" (add sample conversations to a fresh demo database) or "0"' }).default("1"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) {
    throw new EnvError("Invalid environment:\n  ADMIN_PASSWORD: required when ADMIN_EMAIL is set");
  }
  if (env.REDIS_URL && providerOf(env.DATABASE_URL) === "sqlite") {
    // Several processes need one database they can all reach and write at once.
    throw new EnvError("Invalid environment:\n  REDIS_URL: several processes need a PostgreSQL DATABASE_URL; unset REDIS_URL for one process on SQLite");
  }
  if (env.WORKER_IN_WEB === "0" && providerOf(env.DATABASE_URL) === "sqlite") {
    throw new EnvError("Invalid environment:\n  WORKER_IN_WEB: on SQLite the web process is the only one that can send replies");
  }
  if (providerOf(env.DATABASE_URL) === "postgresql") {
    // Every process must sign and check with the same secrets, so none may be generated locally.
    const missing = ["NEXTAUTH_SECRET", "DATA_ENCRYPTION_KEY", ...(env.WHATSAPP_ACCESS_TOKEN ? [] : ["WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"])].filter(
      (name) => !env[name as keyof Env],
    );
    if (missing.length > 0) {
      throw new EnvError(`Invalid environment:\n${missing.map((name) => `  ${name}: required with PostgreSQL (every process must share it)`).join("\n")}`);
    }
  }
  if (env.PRESENCE_TIMEOUT_MS <= env.PRESENCE_HEARTBEAT_MS) {
    // Everyone would flicker offline between two heartbeats.
    throw new EnvError("Invalid environment:\n  PRESENCE_TIMEOUT_MS: must be longer than PRESENCE_HEARTBEAT_MS");
  }
  return env;
}

const globalForEnv = globalThis as typeof globalThis & { __switchboardEnv?: Env };

/** The validated environment; parsed on first use and shared by every module graph. */
export function env(): Env {
  globalForEnv.__switchboardEnv ??= parseEnv(process.env);
  return globalForEnv.__switchboardEnv;
}
