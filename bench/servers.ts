// Every benchmark phase gets its own fresh server process: Switchboard (testing/server.ts, production
// build), the Socket.IO baseline (./baseline/launch.ts), or a fresh cluster of Switchboard web
// processes (testing/cluster.ts) on a throwaway PostgreSQL. Whatever runs is tracked, so the
// watchdog in run.ts can stop it; BENCH_CPU_PROF=<dir> profiles each of them.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startCluster } from "../testing/cluster";
import { startFakeGraph, type FakeGraph } from "../testing/fake-graph";
import { startPostgres } from "../testing/postgres-server";
import { startServer, type RunningServer } from "../testing/server";
import { signIn } from "../testing/session";
import { POSTGRES_ADMIN_URL_VAR } from "../testing/test-database";
import { startBaseline } from "./baseline/launch";
import { BENCH_METRICS_TOKEN } from "./server-metrics";
import { baselineTarget, clusterTarget, switchboardTarget, warmUp, type BenchTarget, type SwitchboardTarget } from "./targets";

interface Stoppable {
  stop(): Promise<void>;
}
const running = new Set<Stoppable>();
/** What the servers depend on (PostgreSQL): stopped after them, so none waits on a vanished database. */
const underneath = new Set<Stoppable>();

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
  await Promise.all([...underneath].map((service) => service.stop()));
}

/**
 * Every benchmark server: the load generator signs in as one user for thousands of sockets, past
 * the bound a real user gets (LIVE_MAX_SOCKETS_PER_USER), and reads the server's metrics. The
 * setting's ceiling (10,000; src/server/env.ts refuses more) is what the largest run opens on one
 * process: 10,000 sockets, and the server refuses only the one past it.
 */
export const BENCH_SERVER_ENV = { LIVE_MAX_SOCKETS_PER_USER: "10000", METRICS_TOKEN: BENCH_METRICS_TOKEN };

/** Environment that preloads the CPU profiler into a server process, when BENCH_CPU_PROF asks. */
function profileEnv(label: string, given: Record<string, string> = {}): Record<string, string> {
  const extraEnv = { ...BENCH_SERVER_ENV, ...given };
  const profileDir = process.env.BENCH_CPU_PROF;
  if (!profileDir) return extraEnv;
  const profiler = pathToFileURL(path.join(import.meta.dirname, "cpu-profiler.mjs")).href;
  return {
    ...extraEnv,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${profiler}`.trim(),
    BENCH_CPU_PROF_DIR: path.resolve(profileDir, label),
  };
}

async function runAndStop<S extends { stop(): Promise<void>; output(): string }, T>(label: string, server: S, work: (server: S) => Promise<T>) {
  running.add(server);
  try {
    return await work(server);
  } catch (error) {
    console.error(`\n${label} failed; server output:\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    await server.stop();
    running.delete(server);
  }
}

export async function withServer<T>(
  label: string,
  work: (server: RunningServer, cookie: string) => Promise<T>,
  extraEnv: Record<string, string> = {},
): Promise<T> {
  const server = await startServer({ env: profileEnv(label, extraEnv) });
  return runAndStop(label, server, async () => work(server, await signIn(server.url, "agent@example.com", "agent")));
}

/** A server whose replies go to a fake Graph API at `sendRate` messages/s per number. */
export async function withGraphServer<T>(label: string, sendRate: number, work: (server: RunningServer, cookie: string, graph: FakeGraph) => Promise<T>) {
  const graph = await startFakeGraph();
  try {
    const env = { WHATSAPP_ACCESS_TOKEN: graph.token, WHATSAPP_API_BASE_URL: graph.baseUrl, WHATSAPP_SEND_RATE: String(sendRate) };
    return await withServer(label, (server, cookie) => work(server, cookie, graph), env);
  } finally {
    await graph.stop();
  }
}

/** A fresh Switchboard, signed in and warmed up, as a comparison target. */
export const withSwitchboard = <T>(label: string, work: (target: SwitchboardTarget) => Promise<T>) =>
  withServer(label, async (server, cookie) => {
    const target = switchboardTarget(server, cookie);
    await warmUp(target);
    return work(target);
  });

/** A fresh Socket.IO baseline, warmed up, as a comparison target. */
export async function withBaseline<T>(label: string, work: (target: BenchTarget) => Promise<T>): Promise<T> {
  const baseline = await startBaseline(profileEnv(label));
  return runAndStop(label, baseline, async () => {
    const target = baselineTarget(baseline);
    await warmUp(target);
    return work(target);
  });
}

/**
 * A throwaway PostgreSQL server for the cluster runs (each cluster makes its own database on it).
 * testing/cluster.ts takes its server from the variable the integration tests' global setup sets,
 * so it is set here for as long as this server runs.
 */
export async function withPostgres<T>(work: () => Promise<T>): Promise<T> {
  const postgres = await startPostgres();
  underneath.add(postgres);
  const before = process.env[POSTGRES_ADMIN_URL_VAR];
  process.env[POSTGRES_ADMIN_URL_VAR] = postgres.adminUrl;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env[POSTGRES_ADMIN_URL_VAR];
    else process.env[POSTGRES_ADMIN_URL_VAR] = before;
    await postgres.stop();
    underneath.delete(postgres);
  }
}

/**
 * A fresh cluster (inside `withPostgres`): `processes` web processes on a new database and their own
 * Redis, signed in once (the cookie works on every process), warmed up through each process in
 * turn, as a comparison target.
 */
export async function withCluster<T>(label: string, processes: number, work: (target: BenchTarget) => Promise<T>): Promise<T> {
  const cluster = await startCluster({ web: processes, env: profileEnv(label) });
  const tracked = {
    stop: () => cluster.stop(),
    output: () => cluster.web.map((server, n) => `--- web ${n + 1}:\n${server.output().slice(-2000)}`).join("\n"),
  };
  return runAndStop(label, tracked, async () => {
    const [first] = cluster.web;
    if (!first) throw new Error("the cluster has no web process");
    const target = clusterTarget(cluster.web, await signIn(first.url, "agent@example.com", "agent"));
    // Round robin: every process loads and compiles its webhook route before the figures.
    await warmUp(target, 10 * processes);
    return work(target);
  });
}
