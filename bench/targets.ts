// The designs the benchmark measures, behind one interface: where raw clients subscribe, how a
// webhook is delivered, and which processes to weigh. Switchboard runs as one process (SQLite) or as
// a cluster of web processes on PostgreSQL and Redis; the baseline is the Socket.IO design.
import fs from "node:fs";
import { postSignedWebhook } from "../src/server/demo/webhook-payloads";
import type { RunningServer } from "../testing/server";
import { cpuSeconds } from "../testing/cpu";
import { latestEventId } from "../testing/trpc";
import { postWebhook, textMessage } from "../testing/webhook";
import type { RunningBaseline } from "./baseline/launch";
import type { RawTarget } from "./load/raw-clients";
import { fanoutTotals, liveSubscriptions, type FanoutTotals } from "./server-metrics";

export type TargetName = "baseline" | "switchboard" | "cluster";

export interface BenchTarget {
  name: TargetName;
  /** The server processes to weigh (a cluster has several; their memory is summed). */
  pids(): number[];
  /** Asked before every pool: Switchboard's clients start after the newest event at that moment. */
  clients(): Promise<RawTarget>;
  /** `stored`: how many of the delivery's messages the server says it stored. */
  post(payload: unknown): Promise<{ status: number; stored: number }>;
  /** Live subscriptions (Switchboard) or connected sockets (baseline), as the server counts them. */
  connected(): Promise<number>;
  /** The time the servers have spent writing events to their subscribers so far, as they time it. */
  fanoutTotals(): Promise<FanoutTotals>;
}

async function postToSwitchboard(server: RunningServer, payload: unknown) {
  const response = await postWebhook(server.url, server.appSecret, payload);
  const body = (await response.json().catch(() => ({}))) as { messagesStored?: number };
  return { status: response.status, stored: body.messagesStored ?? 0 };
}

/** One Switchboard process, which can also be sent deliveries it must refuse (bench/ingest-floor.ts). */
export interface SwitchboardTarget extends BenchTarget {
  /** Posts the payload signed with a secret no inbox has; resolves to the answer's status. */
  postForged(payload: unknown): Promise<number>;
}

export function switchboardTarget(server: RunningServer, cookie: string): SwitchboardTarget {
  return {
    name: "switchboard",
    pids: () => [server.pid],
    clients: async () => ({ protocol: "trpc", baseUrl: server.url, cookie, lastEventId: await latestEventId(server.url, cookie) }),
    post: (payload) => postToSwitchboard(server, payload),
    async postForged(payload) {
      const response = await postWebhook(server.url, "not-this-inbox-app-secret", payload);
      await response.arrayBuffer();
      return response.status;
    },
    connected: () => liveSubscriptions(server.url),
    fanoutTotals: () => fanoutTotals(server.url),
  };
}

/**
 * Web processes of one deployment, as a round-robin proxy would use them: subscribers spread over
 * them socket by socket, webhooks posted to each in turn. A session made on one works on all, and
 * they share one log, so any of them gives the starting cursor.
 */
export function clusterTarget(servers: readonly RunningServer[], cookie: string): BenchTarget {
  const [first] = servers;
  if (!first) throw new Error("a cluster target needs at least one web process");
  let posted = 0;
  return {
    name: "cluster",
    pids: () => servers.map((server) => server.pid),
    clients: async () => ({
      protocol: "trpc",
      baseUrl: first.url,
      baseUrls: servers.map((server) => server.url),
      cookie,
      lastEventId: await latestEventId(first.url, cookie),
    }),
    post: (payload) => postToSwitchboard(servers[posted++ % servers.length] ?? first, payload),
    async connected() {
      const counts = await Promise.all(servers.map((server) => liveSubscriptions(server.url)));
      return counts.reduce((sum, count) => sum + count, 0);
    },
    async fanoutTotals() {
      const totals = await Promise.all(servers.map((server) => fanoutTotals(server.url)));
      return totals.reduce((sum, each) => ({ ms: sum.ms + each.ms, count: sum.count + each.count }), { ms: 0, count: 0 });
    },
  };
}

/** What the baseline's GET /health says: its sockets, and the time its emits took so far. */
async function baselineHealth(baseline: RunningBaseline): Promise<{ clients?: number; fanoutMs?: number; fanouts?: number }> {
  return (await (await fetch(`${baseline.url}/health`)).json()) as { clients?: number; fanoutMs?: number; fanouts?: number };
}

export function baselineTarget(baseline: RunningBaseline): BenchTarget {
  return {
    name: "baseline",
    pids: () => [baseline.pid],
    clients: () => Promise.resolve({ protocol: "socketio", baseUrl: baseline.url }),
    async post(payload) {
      // Signed like Switchboard's (the baseline ignores it), so both requests cost the client the same.
      const response = await postSignedWebhook(`${baseline.url}/webhook`, "unchecked", payload);
      const body = (await response.json().catch(() => ({}))) as { stored?: number };
      return { status: response.status, stored: body.stored ?? 0 };
    },
    connected: async () => (await baselineHealth(baseline)).clients ?? Number.NaN,
    async fanoutTotals() {
      const health = await baselineHealth(baseline);
      return { ms: health.fanoutMs ?? Number.NaN, count: health.fanouts ?? Number.NaN };
    },
  };
}

/** Resident memory of a process in KB (Linux /proc); NaN where that cannot be read. */
export function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] ? Number(match[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** CPU time a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
export const cpuMs = (pid: number): number => cpuSeconds(pid) * 1000;

/** Resident memory of all of a target's server processes together, in KB. */
export const targetRssKb = (target: BenchTarget) => target.pids().reduce((sum, pid) => sum + rssKb(pid), 0);

/** A fresh server loads its webhook route (and JIT-compiles it) on first use; keep that out of the figures. */
export async function warmUp(target: BenchTarget, count = 20): Promise<void> {
  for (let index = 0; index < count; index++) {
    await target.post(textMessage({ from: "15550199999", text: `bench-warmup-${index}` }));
  }
}
