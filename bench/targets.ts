// The two designs the side-by-side benchmark compares, behind one interface: where raw clients
// subscribe, how a webhook is delivered, and which process to weigh.
import fs from "node:fs";
import { postSignedWebhook } from "../src/server/demo/webhook-payloads";
import type { RunningServer } from "../testing/server";
import { latestEventId } from "../testing/trpc";
import { postWebhook, textMessage } from "../testing/webhook";
import type { RunningBaseline } from "./baseline/launch";
import type { RawTarget } from "./load/raw-clients";
import { liveSubscriptions } from "./server-metrics";

export type TargetName = "baseline" | "switchboard";

export interface BenchTarget {
  name: TargetName;
  pid(): number;
  /** Asked before every pool: Switchboard's clients start after the newest event at that moment. */
  clients(): Promise<RawTarget>;
  /** `stored`: how many of the delivery's messages the server says it stored. */
  post(payload: unknown): Promise<{ status: number; stored: number }>;
  /** Live subscriptions (Switchboard) or connected sockets (baseline), as the server counts them. */
  connected(): Promise<number>;
}

export function switchboardTarget(server: RunningServer, cookie: string): BenchTarget {
  return {
    name: "switchboard",
    pid: () => server.pid,
    clients: async () => ({ protocol: "trpc", baseUrl: server.url, cookie, lastEventId: await latestEventId(server.url, cookie) }),
    async post(payload) {
      const response = await postWebhook(server.url, server.appSecret, payload);
      const body = (await response.json().catch(() => ({}))) as { messagesStored?: number };
      return { status: response.status, stored: body.messagesStored ?? 0 };
    },
    connected: () => liveSubscriptions(server.url),
  };
}

export function baselineTarget(baseline: RunningBaseline): BenchTarget {
  return {
    name: "baseline",
    pid: () => baseline.pid,
    clients: () => Promise.resolve({ protocol: "socketio", baseUrl: baseline.url }),
    async post(payload) {
      // Signed like Switchboard's (the baseline ignores it), so both requests cost the client the same.
      const response = await postSignedWebhook(`${baseline.url}/webhook`, "unchecked", payload);
      const body = (await response.json().catch(() => ({}))) as { stored?: number };
      return { status: response.status, stored: body.stored ?? 0 };
    },
    async connected() {
      const body = (await (await fetch(`${baseline.url}/health`)).json()) as { clients?: number };
      return body.clients ?? Number.NaN;
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

/** A fresh server loads its webhook route (and JIT-compiles it) on first use; keep that out of the figures. */
export async function warmUp(target: BenchTarget, count = 20): Promise<void> {
  for (let index = 0; index < count; index++) {
    await target.post(textMessage({ from: "15550199999", text: `bench-warmup-${index}` }));
  }
}
