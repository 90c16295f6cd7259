// Several web processes of one deployment: one PostgreSQL database (on the test run's server), one
// Redis (a server of the cluster's own, so a test may kill it), shared secrets — each process with
// its own port and data folder, as on separate machines.
import { randomBytes } from "node:crypto";
import { startRedis, type RedisServer } from "./redis-server";
import { startServer, type RunningServer } from "./server";
import { createPostgresDatabase } from "./test-database";

export interface Cluster {
  web: RunningServer[];
  redis: RedisServer;
  env: Record<string, string>;
  /** One more process of the same deployment (for example a worker-less web process). */
  add(extra?: Record<string, string>): Promise<RunningServer>;
  stop(): Promise<void>;
}

export async function startCluster(options: { web: number; env?: Record<string, string> }): Promise<Cluster> {
  const redis = await startRedis();
  const env: Record<string, string> = {
    DATABASE_URL: await createPostgresDatabase(),
    REDIS_URL: redis.url,
    REDIS_PREFIX: `cluster-${randomBytes(4).toString("hex")}`,
    NEXTAUTH_SECRET: `test-cluster-session-secret-${randomBytes(8).toString("hex")}`,
    DATA_ENCRYPTION_KEY: `test-cluster-data-key-${randomBytes(16).toString("hex")}`,
    WHATSAPP_APP_SECRET: `test_cluster_app_secret_${randomBytes(8).toString("hex")}`,
    WHATSAPP_VERIFY_TOKEN: `test_cluster_verify_${randomBytes(8).toString("hex")}`,
    ...options.env,
  };
  const web: RunningServer[] = [];
  try {
    // One after another: the first applies the migrations and creates the first users.
    for (let n = 0; n < options.web; n++) web.push(await startServer({ env }));
  } catch (error) {
    // Nothing started for a cluster that failed to start is left running.
    await Promise.all(web.map((server) => server.stop()));
    await redis.stop();
    throw error;
  }
  return {
    web,
    redis,
    env,
    add: async (extra = {}) => {
      const server = await startServer({ env: { ...env, ...extra } });
      web.push(server);
      return server;
    },
    async stop() {
      await Promise.all(web.map((server) => server.stop()));
      await redis.stop();
    },
  };
}
