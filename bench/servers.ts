// Every benchmark phase gets its own fresh server process: Switchboard (testing/server.ts, production
// build) or the Socket.IO baseline (./baseline/launch.ts). Whatever runs is tracked, so the
// watchdog in run.ts can stop it; BENCH_CPU_PROF=<dir> profiles each of them.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startFakeGraph, type FakeGraph } from "../testing/fake-graph";
import { startServer, type RunningServer } from "../testing/server";
import { signIn } from "../testing/session";
import { startBaseline } from "./baseline/launch";
import { BENCH_METRICS_TOKEN } from "./server-metrics";
import { baselineTarget, switchboardTarget, warmUp, type BenchTarget } from "./targets";

const running = new Set<{ stop(): Promise<void> }>();

export const stopAll = () => Promise.all([...running].map((server) => server.stop()));

/**
 * Every benchmark server: the load generator signs in as one user for thousands of sockets, past
 * the bound a real user gets (LIVE_MAX_SOCKETS_PER_USER), and reads the server's metrics.
 */
export const BENCH_SERVER_ENV = { LIVE_MAX_SOCKETS_PER_USER: "1000000", METRICS_TOKEN: BENCH_METRICS_TOKEN };

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
export const withSwitchboard = <T>(label: string, work: (target: BenchTarget) => Promise<T>) =>
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
